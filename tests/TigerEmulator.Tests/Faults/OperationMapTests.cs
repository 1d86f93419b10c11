using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TigerEmulator.Faults;
using TigerEmulator.Tests.Contract;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Faults;

/// A fault rule names an operation by its operationId: any of either contract revision, each the name of one endpoint.
public sealed class OperationMapTests(ITestOutputHelper output)
{
    public static TheoryData<string> Operations => new(OpenApiContract.AllOperations.Select(operation => operation.OperationId));

    [Fact]
    public void RulesMayName_ExactlyTheOperationsOfBothRevisions()
    {
        Assert.Equal(OpenApiContract.AllOperations.Select(o => o.OperationId).Order(), ContractOperations.All.Order());
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void ContractOperation_IsTheNameOfExactlyOneEndpoint_SoRulesCanMatchIt(string operationId)
    {
        using var factory = Emulator.Create(output);
        factory.CreateClient().Dispose();
        var names = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(endpoint => endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName)
            .OfType<string>();

        Assert.Single(names, name => name == operationId);
    }
}
