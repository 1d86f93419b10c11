using System.Text.RegularExpressions;
using TigerEmulator.Tests.Support;

namespace TigerEmulator.Tests.Architecture;

/// The dependency rules between the emulator's folders, read from ARCHITECTURE.md's table so that the map and the check
/// cannot disagree, and the references to other folders found in a source file.
public static partial class FolderRules
{
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Forbidden { get; } = Read(File.ReadAllText(Repository.PathOf("ARCHITECTURE.md")));

    /// Rows of the form <c>| Folder | Other, Another |</c> under the heading "Dependency rules".
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Read(string markdown)
    {
        var section = markdown[markdown.IndexOf("## Dependency rules", StringComparison.Ordinal)..];
        var end = section.IndexOf("\n## ", 3, StringComparison.Ordinal);
        section = end < 0 ? section : section[..end];
        var rules = new Dictionary<string, IReadOnlySet<string>>();
        foreach (Match row in Row().Matches(section))
        {
            var forbidden = row.Groups[2].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            rules[row.Groups[1].Value] = forbidden.Select(name => name.Trim('`')).ToHashSet();
        }

        return rules;
    }

    /// Every folder of the emulator a source text names: by a using directive or by a qualified name.
    public static IEnumerable<(int Line, string Folder)> ReferencesIn(string source)
    {
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var code = lines[i].TrimStart();
            if (code.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match reference in Reference().Matches(code))
            {
                yield return (i + 1, reference.Groups[1].Value);
            }
        }
    }

    [GeneratedRegex(@"^\|\s*`?([A-Z][A-Za-z]+)`?\s*\|\s*([`A-Za-z, ]+?)\s*\|", RegexOptions.Multiline)]
    private static partial Regex Row();

    [GeneratedRegex(@"\bTigerEmulator\.([A-Z][A-Za-z]+)\b")]
    private static partial Regex Reference();
}
