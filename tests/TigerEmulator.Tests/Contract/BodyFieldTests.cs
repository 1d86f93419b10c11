using Xunit.Abstractions;

namespace TigerEmulator.Tests.Contract;

/// Generated from each request schema: every field missing, mistyped or outside its enum.
public sealed class BodyFieldTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => BadInputCorpus.BodyFields.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadField_IsRefusedWith400NamingTheField(string name) =>
        output.WriteLine((await BadInputCorpus.BodyFields[name].RunAsync(output)).ToString());
}
