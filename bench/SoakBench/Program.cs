using System.Diagnostics;
using System.Net.Sockets;
using TigerEmulator.Bench;

// The soak: the Release emulator as a child process on 127.0.0.1 (with a data folder unless --memory), 64 clients
// calling every operation of the contract for 60 s (--seconds N), then the figures: 5xx answers (must be 0), invariant
// violations (must be 0), p50/p99 and the server's resident memory before and after. Bounded: every request has a
// 10 s timeout, the run its duration, the invariant walk 60 s. Usage:
//   dotnet build -c Release src/TigerEmulator && dotnet run -c Release --project bench/SoakBench [-- --seconds 60 --memory]
var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(int.Parse).FirstOrDefault(60);
var inMemory = args.Contains("--memory");
var dll = Path.Combine(Repository.Root, "src/TigerEmulator/bin/Release/net10.0/TigerEmulator.dll");
if (!File.Exists(dll))
{
    Console.Error.WriteLine($"build the emulator first: dotnet build -c Release src/TigerEmulator ({dll} is missing)");
    return 2;
}

var port = FreePort();
var dataDir = Directory.CreateTempSubdirectory("tiger-soak-").FullName;
var start = new ProcessStartInfo("dotnet", $"\"{dll}\"") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
start.Environment["TIGER_EMULATOR_TIMING"] = "instant";
start.Environment["Logging__LogLevel__Default"] = "Warning";
// The control plane's soak, as perf.sh measures it: with PostgreSQL installed, databases are on by default and every
// create past TIGER_EMULATOR_MAX_DATABASES would be refused (and initdb measured). bench/DatabaseBench soaks those.
start.Environment["TIGER_EMULATOR_DATABASES"] = "off";
if (!inMemory)
{
    start.Environment["TIGER_EMULATOR_DATA_DIR"] = dataDir;
}

using var server = Process.Start(start)!;
server.OutputDataReceived += (_, e) => { if (e.Data is { } line) Console.WriteLine($"  server: {line}"); };
server.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.WriteLine($"  server: {line}"); };
server.BeginOutputReadLine();
server.BeginErrorReadLine();
try
{
    var api = new SoakClient(new Uri($"http://127.0.0.1:{port}"));
    await api.WaitUntilUpAsync(TimeSpan.FromSeconds(60));
    var rssBefore = ResidentMiB(server.Id);
    Console.WriteLine($"soak: 64 clients, {seconds} s, {(inMemory ? "in memory" : "data folder " + dataDir)}, RSS before {rssBefore} MiB");
    var until = DateTime.UtcNow.AddSeconds(seconds);
    var clients = Enumerable.Range(0, 64).Select(i => Task.Run(() => new SoakWorker(api, i).RunAsync(until))).ToArray();
    await Task.WhenAll(clients);
    var rssAfter = ResidentMiB(server.Id);
    var violations = await new Invariants(api).CheckAsync().WaitAsync(TimeSpan.FromSeconds(60));
    var report = api.Report();
    Console.WriteLine(report.Summary);
    Console.WriteLine($"5xx answers: {report.ServerErrors}");
    Console.WriteLine($"invariant violations: {violations.Count}");
    foreach (var violation in violations.Take(20))
    {
        Console.WriteLine($"  {violation}");
    }

    Console.WriteLine($"RSS: {rssBefore} MiB before, {rssAfter} MiB after");
    return report.ServerErrors == 0 && violations.Count == 0 ? 0 : 1;
}
finally
{
    server.Kill(entireProcessTree: true);
    await server.WaitForExitAsync();
    Directory.Delete(dataDir, recursive: true);
}

static int FreePort()
{
    using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}

static long ResidentMiB(int pid) =>
    File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
        .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024).First();
