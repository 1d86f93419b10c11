using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Contract;

/// The other direction of the contract test: the emulator serves nothing under the API prefix that openapi.yml
/// does not document, and names each endpoint after the operation it implements.
public sealed class RouteTableTests(ITestOutputHelper output)
{
    [Fact]
    public void ApiEndpoints_AreExactlyTheContractOperations()
    {
        using var factory = Emulator.Create(output);
        factory.CreateClient().Dispose();

        var served = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith(Api.Prefix + "/", StringComparison.Ordinal) == true)
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(method =>
                $"{method} {endpoint.RoutePattern.RawText![Api.Prefix.Length..].TrimEnd('/')} {endpoint.Metadata.GetMetadata<EndpointNameMetadata>()?.EndpointName}"))
            .Order()
            .ToList();
        var documented = OpenApiContract.Operations
            .Select(operation => $"{operation.Method.Method} {operation.PathTemplate} {operation.OperationId}")
            .Order()
            .ToList();

        Assert.Equal(documented, served);
    }
}
