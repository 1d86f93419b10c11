using Microsoft.Extensions.DependencyInjection;
using TigerEmulator.Testing;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Support;

/// The suite's emulators: the Testing kit on one fixed start time, with the server's log in the test's output.
public static class Emulator
{
    public static readonly DateTimeOffset Start = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    public static TigerEmulatorFactory Create(
        ITestOutputHelper? output = null, string? dataDir = null, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        TigerEmulatorFactory.With(new TigerEmulatorSettings
        {
            StartTime = Start,
            DataDirectory = dataDir,
            Configuration = settings ?? new Dictionary<string, string?>(),
            Log = output is null ? null : output.WriteLine,
            Services = services,
        });
}
