using System.Diagnostics;
using System.Xml.Linq;
using TigerEmulator.Tests.Support;

namespace TigerEmulator.Tests.Packaging;

/// Both packages, packed once for the packaging tests into a temporary folder feed under a version of their own (so
/// that NuGet's global cache can hold no older build of it; that version is removed from the cache afterwards).
public sealed class PackedFeed : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("tiger-emulator-feed").FullName;

    public string Version { get; } = $"0.0.0-pack.{Guid.NewGuid():N}"[..26];

    public async Task InitializeAsync()
    {
        foreach (var project in new[] { "TigerEmulator", "TigerEmulator.Testing" })
        {
            await RunAsync("dotnet", ["pack", Repository.PathOf("src", project), "-o", Folder, $"-p:Version={Version}"], TimeSpan.FromMinutes(6));
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "tigeremulator", "tigeremulator.testing" })
        {
            var cached = Path.Combine(cache, id, Version);
            if (Directory.Exists(cached))
            {
                Directory.Delete(cached, recursive: true);
            }
        }

        return Task.CompletedTask;
    }

    /// The version the repository pins for a package (Directory.Packages.props), for a project outside it.
    public static string PinnedVersion(string id) =>
        XDocument.Load(Repository.PathOf("Directory.Packages.props")).Descendants("PackageVersion")
            .Single(element => (string?)element.Attribute("Include") == id).Attribute("Version")!.Value;

    /// Runs a command to its end (bounded) and returns its output; fails the test with the output on a non-zero exit.
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, TimeSpan limit, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? Path.GetTempPath() };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', start.ArgumentList)} failed: {output}");
        return output;
    }
}
