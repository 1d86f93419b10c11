namespace TigerEmulator.Tests.Contract;

/// Cases looked up by name, so that xunit lists one row per case and can show its name.
public sealed class CaseTable(Func<IEnumerable<BadInputCase>> generate)
{
    private readonly Lazy<IReadOnlyDictionary<string, BadInputCase>> cases = new(() => generate().ToDictionary(c => c.Name));

    public int Count => cases.Value.Count;

    public BadInputCase this[string name] => cases.Value[name];

    public TheoryData<string> Names() => new(cases.Value.Keys);
}
