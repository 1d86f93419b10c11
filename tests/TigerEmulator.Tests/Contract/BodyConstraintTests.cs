using Xunit.Abstractions;

namespace TigerEmulator.Tests.Contract;

/// Generated from the limits in each request schema: a value just past a minimum, a length, a pattern, a format, an
/// unknown field where none is allowed, and a broken item of an array of objects.
public sealed class BodyConstraintTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => BadInputCorpus.BodyConstraints.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ValuePastALimitOfTheSchema_IsRefusedWith400NamingTheField(string name) =>
        output.WriteLine((await BadInputCorpus.BodyConstraints[name].RunAsync(output)).ToString());
}
