using System.Text.Json;
using System.Text.RegularExpressions;

namespace TigerEmulator.Tests.Packaging;

/// What the Dockerfile's runtime stage says about starting the app: its entrypoint, environment and port.
public sealed partial record DockerfileRecipe(IReadOnlyList<string> Entrypoint, IReadOnlyDictionary<string, string> Environment, int ExposedPort)
{
    public static DockerfileRecipe Read(string path)
    {
        var text = File.ReadAllText(path).Replace("\\\n", " ");
        var runtime = text[text.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];
        var entrypoint = JsonSerializer.Deserialize<string[]>(EntrypointLine().Match(runtime).Groups[1].Value)!;
        var environment = new Dictionary<string, string>();
        foreach (Match line in EnvLine().Matches(runtime))
        {
            foreach (Match pair in EnvPair().Matches(line.Groups[1].Value))
            {
                environment[pair.Groups[1].Value] = pair.Groups[2].Value.Trim('"');
            }
        }

        return new(entrypoint, environment, int.Parse(ExposeLine().Match(runtime).Groups[1].Value));
    }

    [GeneratedRegex(@"\nENTRYPOINT\s+(\[.*\])")]
    private static partial Regex EntrypointLine();

    [GeneratedRegex(@"\nENV\s+(.*)")]
    private static partial Regex EnvLine();

    [GeneratedRegex(@"(\w+)=(""[^""]*""|\S*)")]
    private static partial Regex EnvPair();

    [GeneratedRegex(@"\nEXPOSE\s+(\d+)")]
    private static partial Regex ExposeLine();
}
