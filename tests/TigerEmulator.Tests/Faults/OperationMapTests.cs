using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TigerEmulator.Faults;
using TigerEmulator.Tests.Contract;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Faults;

public sealed class OperationMapTests(ITestOutputHelper output)
{
    [Fact]
    public void EveryContractOperation_IsTheNameOfExactlyOneEndpoint_SoRulesCanMatchIt()
    {
        using var factory = Emulator.Create(output);
        factory.CreateClient();
        var names = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(endpoint => endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName)
            .OfType<string>()
            .ToList();

        Assert.Equal(OpenApiContract.Operations.Select(o => o.OperationId).Order(), ContractOperations.All.Order());
        Assert.All(ContractOperations.All, operation => Assert.Single(names, name => name == operation));
    }
}
