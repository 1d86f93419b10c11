using Xunit.Abstractions;

namespace TigerEmulator.Tests.Contract;

/// Generated from paths and parameters: ids that name nothing, mistyped query parameters, undocumented methods.
public sealed class PathAndQueryTests(ITestOutputHelper output)
{
    public static TheoryData<string> UnknownIds => BadInputCorpus.UnknownIds.Names();

    public static TheoryData<string> QueryTypes => BadInputCorpus.QueryTypes.Names();

    public static TheoryData<string> WrongMethods => BadInputCorpus.WrongMethods.Names();

    [Theory]
    [MemberData(nameof(UnknownIds))]
    public async Task UnknownId_IsRefusedWith404NamingTheId(string name) =>
        output.WriteLine((await BadInputCorpus.UnknownIds[name].RunAsync(output)).ToString());

    [Theory]
    [MemberData(nameof(QueryTypes))]
    public async Task QueryParameterOfWrongType_IsRefusedWith400NamingIt(string name) =>
        output.WriteLine((await BadInputCorpus.QueryTypes[name].RunAsync(output)).ToString());

    [Theory]
    [MemberData(nameof(WrongMethods))]
    public async Task UndocumentedMethod_IsRefusedWith405(string name) =>
        output.WriteLine((await BadInputCorpus.WrongMethods[name].RunAsync(output)).ToString());
}
