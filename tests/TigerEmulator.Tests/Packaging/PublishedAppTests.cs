using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using TigerEmulator.Auth;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Packaging;

/// No Docker engine runs here, so the image is checked the next best way: publish as the Dockerfile does and start
/// the output with the image's entrypoint and environment, bound to loopback instead of every interface.
// Publishes the app (tens of seconds): a developer can skip it with --filter "Category!=Slow"; CI runs it.
[Trait("Category", "Slow")]
public sealed class PublishedAppTests(ITestOutputHelper output) : IDisposable
{
    private readonly string publishDir = Path.Combine(Path.GetTempPath(), "tiger-emulator-publish", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(publishDir))
        {
            Directory.Delete(publishDir, recursive: true);
        }
    }

    [Fact]
    public async Task PublishedApp_StartedAsTheImageStartsIt_AnswersHealthAndAuthInfo()
    {
        var recipe = DockerfileRecipe.Read(Repository.PathOf("Dockerfile"));
        Assert.Equal(["dotnet", "TigerEmulator.dll"], recipe.Entrypoint);
        Assert.Equal(recipe.ExposedPort.ToString(), recipe.Environment["ASPNETCORE_HTTP_PORTS"]);
        // The Dockerfile publishes for the image's platform, compiled ahead of time; this is its amd64 build. The
        // output is framework-dependent, so this machine's runtime starts it whatever its C library.
        await RunAsync(
            "dotnet",
            $"publish \"{Repository.PathOf("src", "TigerEmulator", "TigerEmulator.csproj")}\" -c Release -r linux-musl-x64 --self-contained false -o \"{publishDir}\"",
            TimeSpan.FromMinutes(4));

        var port = EmulatorProcess.FreeLoopbackPort();
        var start = new ProcessStartInfo(recipe.Entrypoint[0]) { WorkingDirectory = publishDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in recipe.Entrypoint.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in recipe.Environment)
        {
            start.Environment[key] = value;
        }

        // Loopback only on this machine: the image's port setting is replaced by one URL on 127.0.0.1.
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        using var app = Process.Start(start)!;
        try
        {
            var listening = new TaskCompletionSource();
            app.OutputDataReceived += (_, e) =>
            {
                if (e.Data is { } line)
                {
                    output.WriteLine(line);
                    if (line.Contains("Now listening on", StringComparison.Ordinal))
                    {
                        listening.TrySetResult();
                    }
                }
            };
            app.BeginOutputReadLine();
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));

            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            var health = await client.GetAsync("/_emulator/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);

            client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(
                BasicCredentials.Header(EmulatorOptions.DefaultPublicKey, EmulatorOptions.DefaultSecretKey));
            var info = await client.GetJsonAsync("/public/api/v1/auth/info");
            Assert.Equal(EmulatorOptions.DefaultProjectId, (string?)info["apiKey"]!["project"]!["id"]);
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }
    }

    private async Task RunAsync(string file, string arguments, TimeSpan limit)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(timeout.Token);
        output.WriteLine(await stdout);
        Assert.True(process.ExitCode == 0, $"{file} {arguments} failed: {await stderr}{await stdout}");
    }
}
