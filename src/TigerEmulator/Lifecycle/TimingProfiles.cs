namespace TigerEmulator.Lifecycle;

/// How long each step of the transition table lasts, per profile. "realistic" is what the cloud takes, kept on the rows.
public static class TimingProfiles
{
    public const string Instant = "instant";
    public const string Fast = "fast";
    public const string Realistic = "realistic";

    public static readonly IReadOnlyList<string> Names = [Instant, Fast, Realistic];

    public static readonly TimeSpan FastStep = TimeSpan.FromSeconds(2);

    public static TimeSpan Duration(string profile, LifecycleAction action, int step) => profile switch
    {
        Instant => TimeSpan.Zero,
        Realistic => action.Steps[step].Realistic,
        _ => FastStep,
    };
}
