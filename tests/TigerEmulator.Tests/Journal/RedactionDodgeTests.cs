using System.Net;
using System.Text.Json.Nodes;
using TigerEmulator.Journal;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Journal;

/// Redaction that cannot be dodged: by the decoded field name in any case, in query strings, in any header whose name
/// suggests a secret, and whole for a body of a password operation that cannot be parsed.
public sealed class RedactionDodgeTests(ITestOutputHelper output)
{
    private const string Secret = "hunter2-hunter2";

    [Theory]
    [InlineData("""{"pass\u0077ord":"hunter2-hunter2"}""")]
    [InlineData("""{"PassWord":"hunter2-hunter2"}""")]
    [InlineData("""{"\u0070\u0061\u0073\u0073\u0077\u006f\u0072\u0064" : "hunter2-hunter2"}""")]
    public async Task UpdatePassword_WithAnEscapedOrRecasedName_IsRedacted(string body)
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var service = $"{Api.Project("emuproject")}/services/{(await client.CreateServiceAsync("emuproject"))["service_id"]}";
        await factory.AdvanceAsync(TimeSpan.FromMinutes(1));

        // The escaped names are the field the API reads (204); a recased one is not (400): either way it is hidden.
        await client.PostAsync($"{service}/updatePassword", Api.Json(body));

        var entry = await LatestAsync(factory, "updatePassword");
        Assert.DoesNotContain(Secret, entry.ToJsonString());
        // The journal shows a JSON body as JSON: the one field is there, its value masked.
        Assert.Equal(Redaction.Mask, (string?)Assert.Single(entry["request_body"]!.AsObject()).Value);
    }

    [Fact]
    public async Task UpdatePassword_WithABodyThatIsNotJson_IsHiddenWhole()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var service = $"{Api.Project("emuproject")}/services/{(await client.CreateServiceAsync("emuproject"))["service_id"]}";

        var refused = await client.PostAsync($"{service}/updatePassword", Api.Json("""{"password": "hunter2-hunter2" """));

        await refused.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_REQUEST", "Request body is not valid JSON");
        var entry = await LatestAsync(factory, "updatePassword");
        Assert.Equal(Redaction.UnreadableSecretBody, (string?)entry["request_body"]);
        Assert.DoesNotContain(Secret, entry.ToJsonString());
    }

    [Fact]
    public async Task SecretsInTheQueryAndInHeaders_AreRedacted()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Api.Project("emuproject")}/vpcs?PassWord={Secret}&limit=5&api_token={Secret}");
        request.Headers.Add("X-Password", Secret);
        request.Headers.Add("X-Api-Key", Secret);
        request.Headers.Add("X-Trace", "visible");

        await client.SendAsync(request);
        using var bearer = new HttpRequestMessage(HttpMethod.Get, $"{Api.Project("emuproject")}/vpcs");
        bearer.Headers.Authorization = new("Bearer", Secret);
        await client.SendAsync(bearer);

        var entries = (await factory.CreateClient().GetJsonAsync("/_emulator/requests?operation=getVPCs")).AsArray();
        Assert.DoesNotContain(Secret, entries.ToJsonString());
        var queried = entries[1]!;
        Assert.Equal("?PassWord=<redacted>&limit=5&api_token=<redacted>", (string?)queried["query"]);
        Assert.Equal(Redaction.Mask, (string?)queried["request_headers"]!["X-Password"]);
        Assert.Equal(Redaction.Mask, (string?)queried["request_headers"]!["X-Api-Key"]);
        Assert.Equal("visible", (string?)queried["request_headers"]!["X-Trace"]);
        Assert.Equal("Bearer <redacted>", (string?)entries[0]!["request_headers"]!["Authorization"]);
    }

    private static async Task<JsonNode> LatestAsync(Testing.TigerEmulatorFactory factory, string operation) =>
        (await factory.CreateClient().GetJsonAsync($"/_emulator/requests?operation={operation}")).AsArray()[0]!;
}
