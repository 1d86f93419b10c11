namespace TigerEmulator.Tests.Contract;

/// Cases looked up by name, so that xunit lists one row per case and can show its name. Generated from both
/// revisions, the same case comes twice when they describe an operation alike: the first (the newer's) is kept.
public sealed class CaseTable(Func<IEnumerable<BadInputCase>> generate)
{
    private readonly Lazy<IReadOnlyDictionary<string, BadInputCase>> cases = new(() => generate().DistinctBy(c => c.Name).ToDictionary(c => c.Name));

    public int Count => cases.Value.Count;

    public IEnumerable<BadInputCase> Cases => cases.Value.Values;

    public BadInputCase this[string name] => cases.Value[name];

    public TheoryData<string> Names() => new(cases.Value.Keys);
}
