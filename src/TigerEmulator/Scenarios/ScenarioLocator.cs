using TigerEmulator.Reading;
namespace TigerEmulator.Scenarios;

/// Finds a scenario file by name or path. Names are looked up in TIGER_EMULATOR_SCENARIOS_DIR, then ./scenarios
/// (the repository's own folder under `dotnet run` from its root), then the scenarios copied beside the app
/// (builds, tests and the published app all have them there).
public sealed class ScenarioLocator(EmulatorOptions options)
{
    public static readonly IReadOnlyList<string> Extensions = [".yml", ".yaml", ".json"];

    public IReadOnlyList<string> Folders =>
        new[] { options.ScenariosDir, Path.Combine(Directory.GetCurrentDirectory(), "scenarios"), Path.Combine(AppContext.BaseDirectory, "scenarios") }
            .OfType<string>().Select(Path.GetFullPath).Distinct().ToList();

    private static bool IsPath(string nameOrPath) =>
        nameOrPath.Contains('/') || nameOrPath.Contains('\\') || Extensions.Any(ext => nameOrPath.EndsWith(ext, StringComparison.OrdinalIgnoreCase));

    public string Find(string nameOrPath)
    {
        if (IsPath(nameOrPath))
        {
            var path = Path.GetFullPath(nameOrPath);
            return File.Exists(path) ? path : throw new DocumentException($"Scenario file '{path}' does not exist");
        }

        foreach (var folder in Folders)
        {
            foreach (var extension in Extensions)
            {
                var candidate = Path.Combine(folder, nameOrPath + extension);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DocumentException(
            $"No scenario named '{nameOrPath}': looked for {nameOrPath}.yml, .yaml and .json in {string.Join(", ", Folders)}; known scenarios: {string.Join(", ", Known())}");
    }

    /// A name, or a path relative to a scenario folder that stays inside it; anything else is refused without being
    /// opened, so the control API cannot read a file outside the folders (nor say what one holds).
    public string FindInFolders(string nameOrPath)
    {
        if (!IsPath(nameOrPath))
        {
            return Find(nameOrPath);
        }

        foreach (var folder in Folders)
        {
            var candidate = Path.GetFullPath(Path.Combine(folder, nameOrPath));
            if (candidate.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DocumentException(
            $"Scenario '{nameOrPath}' is not a file in a scenario folder ({string.Join(", ", Folders)}); the control API loads scenarios only from there");
    }

    public IReadOnlyList<string> Known() =>
        Folders.Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder))
            .Where(file => Extensions.Contains(Path.GetExtension(file).ToLowerInvariant()))
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
}
