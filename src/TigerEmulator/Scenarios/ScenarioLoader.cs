using TigerEmulator.Lifecycle;
using TigerEmulator.Reading;

namespace TigerEmulator.Scenarios;

/// Reads and validates a scenario from a file or from text; applies nothing. Every failure is a <see cref="DocumentException"/>.
public sealed class ScenarioLoader(ScenarioLocator locator, EmulatorOptions options, TransitionTable table)
{
    public Scenario Load(string nameOrPath)
    {
        var path = locator.Find(nameOrPath);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException exception)
        {
            throw new DocumentException($"Scenario file '{path}' cannot be read: {exception.Message}");
        }

        var json = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        return Parse(text, path, Path.GetFileNameWithoutExtension(path), json);
    }

    public Scenario Parse(string text, string source, string fallbackName, bool json)
    {
        var root = json ? JsonDocumentNodes.Parse(text, source) : YamlDocument.Parse(text, source);
        return ScenarioReader.Read(root, source, fallbackName, options, table);
    }
}
