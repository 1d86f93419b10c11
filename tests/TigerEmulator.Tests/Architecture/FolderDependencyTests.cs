using TigerEmulator.Tests.Support;

namespace TigerEmulator.Tests.Architecture;

/// ARCHITECTURE.md says which folder may know which; a reference it forbids fails here with its file and line.
public sealed class FolderDependencyTests
{
    private static readonly string Source = Repository.PathOf("src", "TigerEmulator");

    [Fact]
    public void NoFolder_UsesAFolderArchitectureMdForbidsIt()
    {
        Assert.NotEmpty(FolderRules.Forbidden);
        var breaches = new List<string>();
        foreach (var (folder, forbidden) in FolderRules.Forbidden)
        {
            var path = Path.Combine(Source, folder);
            Assert.True(Directory.Exists(path), $"ARCHITECTURE.md names a folder that does not exist: {folder}");
            Assert.All(forbidden, other => Assert.True(Directory.Exists(Path.Combine(Source, other)), $"{folder}'s rule names a folder that does not exist: {other}"));
            foreach (var file in Directory.EnumerateFiles(path, "*.cs", SearchOption.AllDirectories))
            {
                foreach (var (line, other) in FolderRules.ReferencesIn(File.ReadAllText(file)))
                {
                    if (forbidden.Contains(other))
                    {
                        breaches.Add($"{Path.GetRelativePath(Repository.Root, file)}:{line} uses {other}, which ARCHITECTURE.md forbids to {folder}");
                    }
                }
            }
        }

        Assert.True(breaches.Count == 0, string.Join('\n', breaches));
    }

    [Fact]
    public void Rules_AreReadFromTheTable_AndReferencesFromUsingsAndQualifiedNames()
    {
        var rules = FolderRules.Read("# Map\n## Dependency rules\n| folder | must not use |\n|---|---|\n| `Lifecycle` | `Services`, Vpcs |\n## Next\n| Other | Lifecycle |\n");
        var source = "using TigerEmulator.Services;\n// TigerEmulator.Vpcs in a comment\nvar x = TigerEmulator.Vpcs.VpcKinds.Vpc;\nusing static TigerEmulator.Storage.X;\n";

        Assert.Equal(["Lifecycle"], rules.Keys);
        Assert.Equal(["Services", "Vpcs"], rules["Lifecycle"].Order());
        Assert.Equal([(1, "Services"), (3, "Vpcs"), (4, "Storage")], FolderRules.ReferencesIn(source));
    }
}
