using Xunit.Abstractions;

namespace TigerEmulator.Tests.Contract;

/// Generated from both contract revisions: no operation answers without valid credentials or for another project.
public sealed class AuthTests(ITestOutputHelper output)
{
    public static TheoryData<string> Unauthenticated => BadInputCorpus.Unauthenticated.Names();

    public static TheoryData<string> ForeignProject => BadInputCorpus.ForeignProject.Names();

    [Theory]
    [MemberData(nameof(Unauthenticated))]
    public async Task Operation_WithoutValidCredentials_Answers401(string name) =>
        output.WriteLine((await BadInputCorpus.Unauthenticated[name].RunAsync(output)).ToString());

    [Theory]
    [MemberData(nameof(ForeignProject))]
    public async Task Operation_OnAForeignProject_Answers403(string name) =>
        output.WriteLine((await BadInputCorpus.ForeignProject[name].RunAsync(output)).ToString());
}
