namespace TigerEmulator.Lifecycle;

/// What the emulator needs to know about a kind of resource, declared once in the kind's own folder and registered
/// with <see cref="ResourceKindSetup.AddResourceKind{T}"/>: everything that walks every kind (the worker, reset,
/// faults, seeds, the transition table) reads it from here.
public sealed record KindShape<T>(string Name, Func<T, string?> ProjectOf)
{
    /// The kind's rows of the transition table.
    public IReadOnlyList<LifecycleAction> Actions { get; init; } = [];

    /// Where a resource goes when outside work it waited for fails; null leaves it where it is.
    public string? FailedStatus { get; init; }

    /// The kind it belongs to and how to find its owner: deleting the owner deletes it too.
    public KindOwner<T>? Owner { get; init; }

    /// The ids a fault rule may name to hit a resource of the kind: its own, by default.
    public Func<T, IReadOnlyList<string>>? FaultTargets { get; init; }

    /// How many the emulator seeds on its own (the default key and project): a data folder with more holds state.
    public int StartsWith { get; init; }
}

public sealed record KindOwner<T>(string Kind, Func<T, string> IdOf);
