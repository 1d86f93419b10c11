namespace TigerEmulator.Lifecycle;

/// One status of a row of the transition table: how long it lasts under the "realistic" profile (what the cloud takes)
/// and what entering it does to the resource's database process.
public sealed record LifecycleStep(string Status, TimeSpan Realistic, ServerEffect Effect = ServerEffect.None)
{
    /// The status an action ends in: it lasts until the next action.
    public static LifecycleStep Final(string status, ServerEffect effect = ServerEffect.None) => new(status, TimeSpan.Zero, effect);
}
