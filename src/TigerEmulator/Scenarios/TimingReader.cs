using TigerEmulator.Lifecycle;
using TigerEmulator.Reading;

namespace TigerEmulator.Scenarios;

/// Reads a scenario's timing: profile, speed, clock mode and per-action overrides of the transition table.
internal static class TimingReader
{
    public static ScenarioTiming Read(MapReader? timing, TransitionTable table)
    {
        if (timing is null)
        {
            return ScenarioTiming.Unchanged;
        }

        var profile = timing.OptionalEnum("profile", TimingProfiles.Names);
        var speed = timing.OptionalNumber("speed", 0.001, 1_000_000);
        var clock = timing.OptionalEnum("clock", ["realtime", "manual"]);
        var overrides = timing.Maps("overrides").Select(map => Override(map, table)).ToList();
        timing.RejectUnknown();
        return new ScenarioTiming(profile, speed, clock, overrides);
    }

    private static TimingOverride Override(MapReader map, TransitionTable table)
    {
        var name = map.RequiredString("transition", 64);
        var parts = name.Split('/');
        var action = parts.Length == 2 ? table.Find(parts[0], parts[1]) : null;
        if (action is null)
        {
            var known = string.Join(", ", table.All.Select(a => $"{a.Kind}/{a.Name}"));
            throw map.Error("transition", $"must name a row of the transition table ({known}), not '{name}'");
        }

        var seconds = map.OptionalNumber("seconds", 0, 366 * 24 * 3600);
        var held = map.OptionalBool("held") ?? false;
        map.RejectUnknown();
        if (held == seconds.HasValue)
        {
            throw map.Error(held ? "held" : "seconds", "needs exactly one of 'seconds' (per step) or 'held: true'");
        }

        return new TimingOverride(action, held ? LifecycleTimings.Held : TimeSpan.FromSeconds(seconds!.Value));
    }
}
