using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TigerEmulator.Faults;
using TigerEmulator.Tests.Support;

namespace TigerEmulator.Tests.Faults;

public sealed class OperationMapTests
{
    [Fact]
    public void EveryContractOperation_IsTheNameOfExactlyOneEndpoint_SoRulesCanMatchIt()
    {
        using var factory = new EmulatorFactory();
        factory.CreateClient();
        var names = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(endpoint => endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName)
            .OfType<string>()
            .ToList();

        Assert.Equal(35, ContractOperations.All.Count);
        Assert.All(ContractOperations.All, operation => Assert.Single(names, name => name == operation));
    }
}
