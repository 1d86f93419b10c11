using Xunit.Abstractions;

namespace TigerEmulator.Tests.Contract;

/// Generated for every operation with a body: bodies that are no JSON object, the wrong media type, or too large.
public sealed class BodyShapeTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => BadInputCorpus.BodyShapes.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BodyThatIsNoJsonObject_IsRefusedWithError(string name) =>
        output.WriteLine((await BadInputCorpus.BodyShapes[name].RunAsync(output)).ToString());
}
