namespace TigerEmulator.Lifecycle;

/// How long each step of the transition table lasts.
public sealed class LifecycleTimings
{
    public static readonly TimeSpan DefaultStep = TimeSpan.FromSeconds(2);

    public TimeSpan StepDuration(LifecycleAction action, int step) => DefaultStep;
}
