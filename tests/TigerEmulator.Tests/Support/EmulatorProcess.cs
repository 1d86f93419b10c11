using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TigerEmulator.Tests.Support;

/// The emulator as its own process, started as a user starts it: `dotnet TigerEmulator.dll` (or another command) with
/// arguments and environment variables, its output kept for the assertions and the test's log.
public sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();

    private EmulatorProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// The app as the build put it beside the tests.
    public static string AppDll => Path.Combine(AppContext.BaseDirectory, "TigerEmulator.dll");

    public string StandardOutput => Read(stdout);

    public string StandardError => Read(stderr);

    public static EmulatorProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        StartCommand("dotnet", [AppDll, .. arguments], environment);

    public static EmulatorProcess StartCommand(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A setting of the machine or of the test run must not leak into the emulator under test.
        foreach (var key in start.Environment.Keys.Where(key => key.StartsWith("TIGER_EMULATOR_", StringComparison.Ordinal) || key.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        return new EmulatorProcess(Process.Start(start)!);
    }

    /// Runs to the end (bounded) and returns the exit code.
    public async Task<int> ExitCodeAsync(TimeSpan? limit = null)
    {
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    /// Waits, bounded, until GET url answers at all; fails with the process's output if it exits or never answers.
    public async Task WaitUntilAnsweringAsync(HttpClient client, string url, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"the emulator exited with {(process.HasExited ? process.ExitCode : 0)}: {StandardError}{StandardOutput}");
            try
            {
                using var response = await client.GetAsync(url);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50);
            }
        }

        Assert.Fail($"{url} did not answer: {StandardError}{StandardOutput}");
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Asked to stop first, as Ctrl-C or `docker stop` asks: the emulator then stops the database servers it started,
    // which a kill would leave running (pg_ctl starts them outside its process tree). Killed if it has not stopped
    // within the bound.
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
            {
                await term!.WaitForExitAsync();
            }

            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.AppendLine(line);
            }
        }
    }

    private string Read(StringBuilder text)
    {
        // Output events can trail the exit; WaitForExit without a limit drains them once the process is gone.
        if (process.HasExited)
        {
            process.WaitForExit();
        }

        lock (text)
        {
            return text.ToString();
        }
    }
}
