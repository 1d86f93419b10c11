using TigerEmulator.Reading;
namespace TigerEmulator.Scenarios;

/// Collects the ids a scenario declares and the references between its resources, and checks the references once
/// the whole file is read, so a resource may name one declared further down.
internal sealed class ReferenceBook(string source)
{
    private readonly Dictionary<(string Kind, string Id), (NodePlace Place, object Record)> declared = new();
    private readonly Dictionary<(string Kind, string Id), object> implicitlyKnown = new();
    private readonly List<Action> checks = [];

    /// Something that exists without being declared, such as the emulator's default project.
    public void Know(string kind, string id, object record) => implicitlyKnown[(kind, id)] = record;

    public void Declare(string kind, string id, NodePlace place, object record) => Declare(kind, id, $"{kind} id '{id}'", place, record);

    /// Declares something whose id is a secret's hash: a repeat is named by place only.
    public void DeclareSecret(string kind, string hash, NodePlace place, object record) => Declare(kind, hash, kind, place, record);

    private void Declare(string kind, string id, string named, NodePlace place, object record)
    {
        if (declared.TryGetValue((kind, id), out var first))
        {
            throw DocumentException.At(source, place, $"repeats the {named} already declared at '{first.Place.Path}'");
        }

        declared[(kind, id)] = (place, record);
    }

    /// A reference to check later; the optional rule says what else must hold of the resource referred to.
    public void Refer<T>(string kind, string id, NodePlace place, Func<T, string?>? rule = null)
    {
        checks.Add(() =>
        {
            object? found = declared.TryGetValue((kind, id), out var entry) ? entry.Record : implicitlyKnown.GetValueOrDefault((kind, id));
            if (found is null)
            {
                throw DocumentException.At(source, place, $"names the {kind} '{id}', which the scenario does not declare");
            }

            if (rule?.Invoke((T)found) is { } problem)
            {
                throw DocumentException.At(source, place, problem);
            }
        });
    }

    public void CheckAll()
    {
        foreach (var check in checks)
        {
            check();
        }
    }
}
