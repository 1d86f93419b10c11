using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Contract;

/// The route table against both contract revisions: every operation of each is served at its documented method and
/// path under the name of its operationId, and nothing is served under the API prefix that neither documents.
public sealed class RouteTableTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<string>> Served = new(ReadServedRoutes);

    public static TheoryData<string, string> Operations => OpenApiContract.RevisionOperationIds();

    [Theory]
    [MemberData(nameof(Operations))]
    public void ContractOperation_IsServedAtItsMethodAndPathUnderItsName(string revision, string operationId)
    {
        var operation = OpenApiContract.Named(revision).Find(operationId);

        Assert.Contains(Route(operation), Served.Value);
    }

    [Fact]
    public void ApiEndpoints_AreAllDocumentedByOneRevisionOrTheOther()
    {
        var documented = OpenApiContract.Revisions.SelectMany(revision => revision.Operations).Select(Route).ToHashSet();
        output.WriteLine(string.Join("\n", Served.Value));

        Assert.All(Served.Value, route => Assert.Contains(route, documented));
    }

    private static string Route(ContractOperation operation) => $"{operation.Method.Method} {operation.PathTemplate} {operation.OperationId}";

    private static IReadOnlyList<string> ReadServedRoutes()
    {
        using var factory = Emulator.Create();
        factory.CreateClient().Dispose();

        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith(Api.Prefix + "/", StringComparison.Ordinal) == true)
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(method =>
                $"{method} {endpoint.RoutePattern.RawText![Api.Prefix.Length..].TrimEnd('/')} {endpoint.Metadata.GetMetadata<EndpointNameMetadata>()?.EndpointName}"))
            .Order()
            .ToList();
    }
}
