using System.Net;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Contract;

/// The hand-written rules of the corpus, and requests to routes the contract does not have.
public sealed class SemanticRuleTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => BadInputCorpus.SemanticRules.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BrokenRule_IsRefusedWithExactStatusCodeAndMessage(string name) =>
        output.WriteLine((await BadInputCorpus.SemanticRules[name].RunAsync(output)).ToString());

    // None of these is in either revision of the contract (spec/openapi.yml, spec/openapi-latest.yml).
    [Theory]
    [InlineData("GET", "/public/api/v1/nothing-here")]
    [InlineData("GET", "/public/api/v2/auth/info")]
    [InlineData("GET", "/public/api/v1/projects/emuproject/widgets")]
    [InlineData("POST", "/public/api/v1/projects/emuproject/services/abc/explode")]
    [InlineData("GET", "/public/api/v1/projects/emuproject/vpcs/abc/peerings/def/extra")]
    [InlineData("GET", "/public/api/v1/projects/emuproject")]
    [InlineData("POST", "/public/api/v1/auth/login")]
    public async Task UnknownRoute_Answers404NamingThePath(string method, string path)
    {
        await using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = await TigerErrorBody.ReadAsync(response, $"{method} {path}");
        new ExpectedError(404, "NOT_FOUND", path).AssertMatches(error, $"{method} {path}");
    }
}
