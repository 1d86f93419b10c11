namespace TigerEmulator.Lifecycle;

/// Every registered kind and its rows of the transition table: the single source of truth for every asynchronous
/// change in the emulator. GET /_emulator/transitions shows it; each kind declares its rows in its own folder.
public sealed class TransitionTable(IEnumerable<IResourceKind> kinds)
{
    public IReadOnlyList<IResourceKind> Kinds { get; } = kinds.ToList();

    public IReadOnlyList<LifecycleAction> All => [.. Kinds.SelectMany(kind => kind.Actions)];

    public IResourceKind Kind(string name) =>
        Kinds.FirstOrDefault(kind => kind.Name == name) ?? throw new InvalidOperationException($"No resource kind '{name}' is registered");

    public LifecycleAction? Find(string kind, string? name) =>
        Kinds.FirstOrDefault(k => k.Name == kind)?.Actions.FirstOrDefault(action => action.Name == name);

    /// The action a resource seeded in a status carries on with, and at which step: the kind's first row that passes
    /// through the status (create before fork, so a seeded CONFIGURING service finishes being created). Null for a
    /// settled status (READY, PAUSED, active…).
    public static (LifecycleAction Action, int Step)? InProgress(IResourceKind kind, string status)
    {
        foreach (var action in kind.Actions)
        {
            for (var step = 0; step < action.Steps.Count; step++)
            {
                if (action.Steps[step].Status == status)
                {
                    return (action, step);
                }
            }
        }

        return null;
    }

    /// The statuses in which a resource is being deleted, and so may start no other action: the steps of its delete row.
    public static bool IsBeingDeleted(IResourceKind kind, string status) =>
        kind.Actions.Any(action => action.Final is null && action.Steps.Any(step => step.Status == status));
}
