using System.Collections.Concurrent;

namespace TigerEmulator.Lifecycle;

/// How long each step of the transition table lasts: the profile, divided by the clock speed, unless a test
/// has overridden an action's duration or held it (a held step completes only when the clock is advanced).
public sealed class LifecycleTimings(EmulatorOptions options)
{
    /// Stands for "held": a step that never falls due on its own.
    public static readonly TimeSpan Held = TimeSpan.MaxValue;

    private readonly ConcurrentDictionary<(string Kind, string Action), TimeSpan> overrides = new();

    public string Profile { get; set; } = options.TimingProfile;

    public double Speed { get; set; } = options.ClockSpeed;

    public IReadOnlyDictionary<(string Kind, string Action), TimeSpan> Overrides => overrides;

    public TimeSpan StepDuration(LifecycleAction action, int step)
    {
        if (overrides.TryGetValue((action.Kind, action.Name), out var fixedDuration))
        {
            return fixedDuration;
        }

        return TimingProfiles.Duration(Profile, action, step) / Speed;
    }

    public void Override(LifecycleAction action, TimeSpan durationOrHeld) => overrides[(action.Kind, action.Name)] = durationOrHeld;

    public void ClearOverrides() => overrides.Clear();

    public void Reset()
    {
        overrides.Clear();
        Profile = options.TimingProfile;
        Speed = options.ClockSpeed;
    }
}
