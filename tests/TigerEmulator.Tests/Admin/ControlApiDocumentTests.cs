using System.Text.Json.Nodes;
using TigerEmulator.Tests.Support;

namespace TigerEmulator.Tests.Admin;

/// The control API's OpenAPI document lists each route's real error statuses, not one 400 for all.
public sealed class ControlApiDocumentTests
{
    [Theory]
    [InlineData("/_emulator/faults/{id}", "delete", new[] { "204", "401", "404" })]
    [InlineData("/_emulator/faults", "post", new[] { "201", "400", "401", "413" })]
    [InlineData("/_emulator/faults", "get", new[] { "200", "401" })]
    [InlineData("/_emulator/tokens", "post", new[] { "201", "400", "401", "413" })]
    [InlineData("/_emulator/transitions/{kind}/{action}", "put", new[] { "200", "400", "401", "404", "413" })]
    [InlineData("/_emulator/health", "get", new[] { "200" })]
    public async Task ControlRoute_DeclaresTheStatusesItAnswers(string path, string method, string[] statuses)
    {
        using var factory = Emulator.Create();

        var document = await factory.CreateClient().GetJsonAsync("/swagger/emulator/swagger.json");

        var responses = document["paths"]![path]![method]!["responses"]!.AsObject();
        Assert.Equal(statuses, responses.Select(response => response.Key).Order().ToArray());
    }

    [Fact]
    public async Task DeclaredErrors_AreTigerErrorBodies()
    {
        using var factory = Emulator.Create();

        var document = await factory.CreateClient().GetJsonAsync("/swagger/emulator/swagger.json");

        var notFound = document["paths"]!["/_emulator/faults/{id}"]!["delete"]!["responses"]!["404"]!;
        var schema = notFound["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        Assert.Equal("#/components/schemas/TigerError", schema);
        Assert.Equal(["code", "message"], document["components"]!["schemas"]!["TigerError"]!["properties"]!.AsObject().Select(p => p.Key).Order().ToArray());
    }
}
