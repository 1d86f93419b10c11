using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TigerEmulator.Tests.Support;

namespace TigerEmulator.Tests.Docs;

/// The README's C# samples compile as pasted into a new test project: the SDK's implicit usings and the kit, nothing
/// the sample does not say itself.
public sealed partial class ReadmeSampleTests
{
    // What `dotnet new xunit` gives a project before a line is written (ImplicitUsings).
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    [Fact]
    public void EveryCSharpSampleInTheReadme_CompilesAsPasted()
    {
        var samples = CSharpBlock().Matches(File.ReadAllText(Repository.PathOf("README.md"))).Select(match => match.Groups[1].Value).ToList();
        Assert.NotEmpty(samples);

        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = samples.Select((sample, index) => CSharpSyntaxTree.ParseText(sample, parse, $"README sample {index + 1}")).Append(CSharpSyntaxTree.ParseText(ImplicitUsings, parse));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "ReadmeSamples", trees, references, new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Select(diagnostic => diagnostic.ToString());
        Assert.Empty(errors);
    }

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
