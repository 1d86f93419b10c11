using System.Diagnostics;
using System.Net;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Packaging;

/// The app published as the Dockerfile publishes it (once per test process), started as the image starts it, on
/// 127.0.0.1 and a free port, as a child process that a test can kill.
public sealed class PublishedEmulator : IAsyncDisposable
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "tiger-emulator-publish", Guid.NewGuid().ToString("N"));
    private static readonly SemaphoreSlim Publishing = new(1, 1);
    private static bool published;

    private readonly Process process;

    private PublishedEmulator(Process process, int port)
    {
        this.process = process;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    public static DockerfileRecipe Recipe { get; } = DockerfileRecipe.Read(Repository.PathOf("Dockerfile"));

    public Uri Address { get; }

    public int Id => process.Id;

    /// Publishes for the image's platform, compiled ahead of time; the output is framework-dependent, so this
    /// machine's runtime starts it whatever its C library. Deleted when the test process ends.
    public static async Task<string> PublishAsync(ITestOutputHelper output)
    {
        await Publishing.WaitAsync();
        try
        {
            if (!published)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(Folder, recursive: true);
                await RunAsync(
                    output,
                    "dotnet",
                    $"publish \"{Repository.PathOf("src", "TigerEmulator", "TigerEmulator.csproj")}\" -c Release -r linux-musl-x64 --self-contained false -o \"{Folder}\"",
                    TimeSpan.FromMinutes(4));
                published = true;
            }

            return Folder;
        }
        finally
        {
            Publishing.Release();
        }
    }

    /// Starts the published app with the image's entrypoint and environment plus <paramref name="environment"/>, and
    /// returns once it listens (30 s at most).
    public static async Task<PublishedEmulator> StartAsync(ITestOutputHelper output, IReadOnlyDictionary<string, string>? environment = null)
    {
        var folder = await PublishAsync(output);
        var port = EmulatorProcess.FreeLoopbackPort();
        var start = new ProcessStartInfo(Recipe.Entrypoint[0]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in Recipe.Entrypoint.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in Recipe.Environment.Concat(environment ?? new Dictionary<string, string>()))
        {
            start.Environment[key] = value;
        }

        // Loopback only on this machine: the image's port setting is replaced by one URL on 127.0.0.1.
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) => Forward(output, e.Data, listening);
        process.ErrorDataReceived += (_, e) => Forward(output, e.Data, listening);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var emulator = new PublishedEmulator(process, port);
        try
        {
            await Task.WhenAny(listening.Task, process.WaitForExitAsync()).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(listening.Task.IsCompleted, $"the emulator exited with {(process.HasExited ? process.ExitCode : -1)} before it listened");
            return emulator;
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    /// SIGKILL: no clean stop, nothing flushed on the way out.
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private static void Forward(ITestOutputHelper output, string? line, TaskCompletionSource listening)
    {
        if (line is null)
        {
            return;
        }

        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has finished; a killed child's last lines have nowhere to go.
        }

        if (line.Contains("Now listening on", StringComparison.Ordinal))
        {
            listening.TrySetResult();
        }
    }

    private static async Task RunAsync(ITestOutputHelper output, string file, string arguments, TimeSpan limit)
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
