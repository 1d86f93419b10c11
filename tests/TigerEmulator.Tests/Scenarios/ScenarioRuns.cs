using TigerEmulator.Testing;
using TigerEmulator.Tests.Support;

namespace TigerEmulator.Tests.Scenarios;

/// Factories that start on a scenario, and scenario files written for one test.
internal static class ScenarioRuns
{
    public static TigerEmulatorFactory Running(string scenario, string? seed = null)
    {
        var settings = new Dictionary<string, string?> { ["TIGER_EMULATOR_SCENARIO"] = scenario };
        if (seed is not null)
        {
            settings["TIGER_EMULATOR_SEED"] = seed;
        }

        return Emulator.Create(settings: settings);
    }

    /// Writes a scenario to a fresh temporary folder; the folder goes when the test disposes the result.
    public static TemporaryScenario Write(string fileName, string text) => new(fileName, text);

    public sealed class TemporaryScenario : IDisposable
    {
        private readonly string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tiger-emulator-scenarios", Guid.NewGuid().ToString("N"));

        public TemporaryScenario(string fileName, string text)
        {
            Directory.CreateDirectory(folder);
            Path = System.IO.Path.Combine(folder, fileName);
            File.WriteAllText(Path, text);
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(folder, recursive: true);
    }
}
