using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Packaging;

/// The packages as a user gets them: the tool installed from a folder feed and run as `tiger-emulator --port N`, and
/// the Testing package restored into a project outside the repository whose tests then pass.
// Packs, installs and restores (minutes): a developer can skip it with --filter "Category!=Slow"; CI runs it.
[Trait("Category", "Slow")]
public sealed class PackageTests(PackedFeed feed, ITestOutputHelper output) : IClassFixture<PackedFeed>
{
    [Theory]
    [InlineData("TigerEmulator")]
    [InlineData("TigerEmulator.Testing")]
    public void Package_HasCompleteMetadata(string id)
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed.Folder, $"{id}.{feed.Version}.nupkg"));
        using var nuspec = package.GetEntry($"{id}.nuspec")!.Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(element => element.Name.LocalName == "metadata");
        string? Field(string name) => metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name)?.Value;

        Assert.Equal(id, Field("id"));
        Assert.False(string.IsNullOrWhiteSpace(Field("authors")));
        Assert.Equal("MIT", Field("license"));
        Assert.Equal("README.md", Field("readme"));
        Assert.NotNull(package.GetEntry("README.md"));
        Assert.StartsWith("https://github.com/", metadata.Elements().Single(element => element.Name.LocalName == "repository").Attribute("url")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(Field("description")));
    }

    [Fact]
    public void TestingPackage_BringsTheEmulator_ItsDepsFile_AndTheScenarios_WithoutDependingOnTheTool()
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed.Folder, $"TigerEmulator.Testing.{feed.Version}.nupkg"));
        var names = package.Entries.Select(entry => entry.FullName).ToList();

        Assert.Contains("lib/net10.0/TigerEmulator.dll", names);
        Assert.Contains("emulator/TigerEmulator.deps.json", names);
        Assert.Contains("emulator/scenarios/demo.yml", names);
        Assert.Contains("buildTransitive/TigerEmulator.Testing.targets", names);
        using var nuspec = package.GetEntry("TigerEmulator.Testing.nuspec")!.Open();
        var dependencies = XDocument.Load(nuspec).Descendants().Where(element => element.Name.LocalName == "dependency").Select(element => (string)element.Attribute("id")!);
        Assert.DoesNotContain("TigerEmulator", dependencies);
    }

    [Fact]
    public async Task Tool_InstalledFromTheFeed_ServesOnItsPort_AndItsSubcommandsDriveIt()
    {
        var toolPath = Directory.CreateTempSubdirectory("tiger-emulator-tool").FullName;
        try
        {
            await PackedFeed.RunAsync(
                "dotnet", ["tool", "install", "TigerEmulator", "--tool-path", toolPath, "--add-source", feed.Folder, "--version", feed.Version], TimeSpan.FromMinutes(3));
            var tool = Path.Combine(toolPath, "tiger-emulator");
            var port = EmulatorProcess.FreeLoopbackPort();
            var url = $"http://127.0.0.1:{port}";
            await using var emulator = EmulatorProcess.StartCommand(tool, ["--host", "127.0.0.1", "--port", port.ToString(), "--clock", "manual", "--scenario", "demo"]);
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            await emulator.WaitUntilAnsweringAsync(client, $"{url}/_emulator/health");
            output.WriteLine(emulator.StandardOutput);

            var health = JsonNode.Parse(await client.GetStringAsync($"{url}/_emulator/health"))!;
            Assert.Equal("ok", (string?)health["status"]);
            var before = JsonNode.Parse(await client.GetStringAsync($"{url}/_emulator/clock"))!["now"]!.GetValue<DateTime>();

            var advanced = await PackedFeed.RunAsync(tool, ["advance", "90s", "--url", url], TimeSpan.FromMinutes(1));
            var after = JsonNode.Parse(await client.GetStringAsync($"{url}/_emulator/clock"))!["now"]!.GetValue<DateTime>();
            Assert.Equal(TimeSpan.FromSeconds(90), after - before);
            Assert.StartsWith("advanced 90 s: now ", advanced);

            var status = await PackedFeed.RunAsync(tool, ["status", "--url", url], TimeSpan.FromMinutes(1));
            Assert.Contains("\"status\":\"ok\"", status);
            Assert.Contains("\"mode\":\"manual\"", status);

            using var created = new HttpRequestMessage(HttpMethod.Post, $"{url}/public/api/v1/projects/emuproject/services")
            {
                Content = Api.Json(new { name = "orders" }),
                Headers = { Authorization = new("Basic", Convert.ToBase64String("tiger-emulator-public-key:tiger-emulator-secret-key"u8.ToArray())) },
            };
            Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(created)).StatusCode);
            Assert.Equal(1, JsonNode.Parse(await client.GetStringAsync($"{url}/_emulator/requests/count"))!["count"]!.GetValue<int>());
            Assert.Equal($"reset {url}/\n", await PackedFeed.RunAsync(tool, ["reset", "--url", url], TimeSpan.FromMinutes(1)));
            Assert.Equal(0, JsonNode.Parse(await client.GetStringAsync($"{url}/_emulator/requests/count"))!["count"]!.GetValue<int>());
        }
        finally
        {
            Directory.Delete(toolPath, recursive: true);
        }
    }

    [Fact]
    public async Task TestingPackage_RestoredIntoAProjectOutsideTheRepository_RunsItsTests()
    {
        var project = Directory.CreateTempSubdirectory("tiger-emulator-consumer").FullName;
        try
        {
            Assert.False(project.StartsWith(Repository.Root, StringComparison.Ordinal));
            foreach (var source in new[] { "ProvisioningTests.cs", "ServiceProvisioner.cs" })
            {
                File.Copy(Repository.PathOf("tests", "TigerEmulator.Consumer.Tests", source), Path.Combine(project, source));
            }

            await File.WriteAllTextAsync(Path.Combine(project, "nuget.config"), $"""
                <configuration>
                  <packageSources>
                    <add key="emulator" value="{feed.Folder}" />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                  </packageSources>
                </configuration>
                """);
            await File.WriteAllTextAsync(Path.Combine(project, "Consumer.Tests.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <IsTestProject>true</IsTestProject>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="TigerEmulator.Testing" Version="{feed.Version}" />
                    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{PackedFeed.PinnedVersion("Microsoft.NET.Test.Sdk")}" />
                    <PackageReference Include="xunit" Version="{PackedFeed.PinnedVersion("xunit")}" />
                    <PackageReference Include="xunit.runner.visualstudio" Version="{PackedFeed.PinnedVersion("xunit.runner.visualstudio")}" />
                    <Using Include="Xunit" />
                  </ItemGroup>
                </Project>
                """);

            var run = await PackedFeed.RunAsync("dotnet", ["test"], TimeSpan.FromMinutes(6), project);

            output.WriteLine(run);
            Assert.Contains("Passed!  - Failed:     0, Passed:     2", run);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }
}
