using System.Text;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using TigerEmulator.Contract;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Contract;

/// The two contract files are the published revisions, unedited; the emulator embeds exactly them and serves each,
/// pointed at itself, for Swagger UI, which offers both beside the control API.
public sealed class ContractFileTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Files => new()
    {
        { "older", "openapi.yml" },
        { "latest", "src/TigerEmulator/Contract/openapi-latest.yml" },
    };

    /// Where the published revisions sit beside the repository (../shared/spec, or further up for a worktree).
    private static string? SharedSpec { get; } =
        Ancestors(Repository.Root).Select(dir => Path.Combine(dir, "shared", "spec")).FirstOrDefault(Directory.Exists);

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void ContractFile_IsByteForByteThePublishedRevision(string revision, string file)
    {
        Skip.If(SharedSpec is null, "no shared/spec folder beside the repository to compare with");
        var published = Path.Combine(SharedSpec, Path.GetFileName(file));
        output.WriteLine($"{revision}: {file} against {published}");

        Assert.Equal(File.ReadAllBytes(published), File.ReadAllBytes(Repository.PathOf(file)));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EmbeddedRevision_IsTheRepositoryFile(string revision, string file)
    {
        Assert.Equal(File.ReadAllText(Repository.PathOf(file)), Revision(revision).Original());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ServedRevision_PointsAtThisEmulator_WithBasicAuthentication_AndEveryOperationOfTheFile(string revision, string file)
    {
        using var factory = Emulator.Create(output);

        var response = await factory.CreateClient().GetAsync(Revision(revision).ServedPath);

        Assert.Equal("application/yaml", response.Content.Headers.ContentType?.MediaType);
        var served = Parse(await response.Content.ReadAsByteArrayAsync(), file);
        Assert.Equal("/public/api/v1", served.Servers!.Single().Url);
        Assert.Equal("basic", served.Components!.SecuritySchemes!["basicAuth"].Scheme);
        Assert.Contains(served.Security!, requirement => requirement.Keys.Any(scheme => scheme.Reference.Id == "basicAuth"));
        Assert.Equal(
            OpenApiContract.Named(revision).Operations.Select(operation => operation.OperationId),
            served.Paths.SelectMany(path => path.Value.Operations!.Values).Select(operation => operation.OperationId!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SwaggerUi_OffersBothRevisionsAndTheControlApi()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateClient();

        var page = await client.GetStringAsync("/swagger/index.html");
        var script = await client.GetStringAsync("/swagger/index.js");

        var configuration = page + script;
        Assert.All(
            [.. ContractRevision.All.Select(revision => revision.ServedPath), "/swagger/emulator/swagger.json"],
            path => Assert.Contains(path, configuration, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ServedRevision_NamesTheEmulatorsProject_WhereTheContractsExamplesNameTheCloudsOwn(string revision, string file)
    {
        using var factory = Emulator.Create(output, settings: new Dictionary<string, string?> { ["TIGER_EMULATOR_PROJECT_ID"] = "myproject1" });

        var served = await factory.CreateClient().GetStringAsync(Revision(revision).ServedPath);

        Assert.Contains("rp1pz7uyae", File.ReadAllText(Repository.PathOf(file)), StringComparison.Ordinal);
        Assert.DoesNotContain("rp1pz7uyae", served, StringComparison.Ordinal);
        var projectId = Parse(Encoding.UTF8.GetBytes(served), file).Components!.Parameters!["ProjectId"];
        Assert.Contains("example: \"myproject1\"", served, StringComparison.Ordinal);
        Assert.NotNull(projectId.Schema);
    }

    [Fact]
    public async Task SwaggerUi_CarriesTheDefaultKeyPair_ButNeverAKeyPairTheUserSet()
    {
        using var byDefault = Emulator.Create(output);
        using var ownKeys = Emulator.Create(output, settings: new Dictionary<string, string?>
        {
            ["TIGER_EMULATOR_PUBLIC_KEY"] = "my-public", ["TIGER_EMULATOR_SECRET_KEY"] = "my-own-secret-key",
        });
        var defaultPair = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{EmulatorOptions.DefaultPublicKey}:{EmulatorOptions.DefaultSecretKey}"));
        var ownPair = Convert.ToBase64String(Encoding.UTF8.GetBytes("my-public:my-own-secret-key"));

        var withDefault = await byDefault.CreateClient().GetStringAsync("/swagger/index.js");
        var withOwn = await ownKeys.CreateClient().GetStringAsync("/swagger/index.js");

        Assert.Contains($"Basic {defaultPair}", withDefault, StringComparison.Ordinal);
        Assert.DoesNotContain(ownPair, withOwn, StringComparison.Ordinal);
        Assert.DoesNotContain("my-own-secret-key", withOwn, StringComparison.Ordinal);
        Assert.DoesNotContain("Basic ", withOwn, StringComparison.Ordinal);
    }

    private static ContractRevision Revision(string name) => ContractRevision.All.Single(revision => revision.Name == name);

    private static OpenApiDocument Parse(byte[] yaml, string file)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        using var stream = new MemoryStream(yaml);
        var result = OpenApiDocument.Load(stream, "yaml", settings);
        Assert.True(result.Document is not null && (result.Diagnostic?.Errors.Count ?? 0) == 0, $"served {file} does not parse: {Encoding.UTF8.GetString(yaml)[..200]}");
        return result.Document!;
    }

    private static IEnumerable<string> Ancestors(string dir)
    {
        for (var current = Directory.GetParent(dir); current is not null; current = current.Parent)
        {
            yield return current.FullName;
        }
    }
}
