namespace TigerEmulator.Lifecycle;

/// How long each step of the transition table lasts, per profile. "realistic" follows what the cloud takes.
public static class TimingProfiles
{
    public const string Instant = "instant";
    public const string Fast = "fast";
    public const string Realistic = "realistic";

    public static readonly IReadOnlyList<string> Names = [Instant, Fast, Realistic];

    public static readonly TimeSpan FastStep = TimeSpan.FromSeconds(2);

    private static readonly Dictionary<string, TimeSpan> RealisticSteps = new()
    {
        ["service/create/QUEUED"] = TimeSpan.FromSeconds(30),
        ["service/create/CONFIGURING"] = TimeSpan.FromMinutes(3),
        ["service/fork/QUEUED"] = TimeSpan.FromSeconds(30),
        ["service/fork/CONFIGURING"] = TimeSpan.FromMinutes(4),
        ["service/resize/CONFIGURING"] = TimeSpan.FromMinutes(2),
        ["service/setHA/CONFIGURING"] = TimeSpan.FromMinutes(3),
        ["service/attachToVPC/CONFIGURING"] = TimeSpan.FromMinutes(1),
        ["service/detachFromVPC/CONFIGURING"] = TimeSpan.FromMinutes(1),
        ["service/stop/PAUSING"] = TimeSpan.FromMinutes(1),
        ["service/start/RESUMING"] = TimeSpan.FromSeconds(90),
        ["service/delete/DELETING"] = TimeSpan.FromMinutes(1),
        ["service/recover/UNSTABLE"] = TimeSpan.FromMinutes(5),
        ["replicaSet/create/creating"] = TimeSpan.FromMinutes(4),
        ["replicaSet/resize/resizing"] = TimeSpan.FromMinutes(2),
        ["replicaSet/delete/deleting"] = TimeSpan.FromMinutes(1),
        ["peering/create/pending"] = TimeSpan.FromMinutes(2),
    };

    public static TimeSpan Duration(string profile, LifecycleAction action, int step) => profile switch
    {
        Instant => TimeSpan.Zero,
        Realistic => RealisticSteps.GetValueOrDefault($"{action.Kind}/{action.Name}/{action.Steps[step]}", TimeSpan.FromMinutes(1)),
        _ => FastStep,
    };
}
