namespace TigerEmulator.Services;

/// The contract's <c>DeployStatus</c>: every status a service can have.
public static class ServiceStatus
{
    public const string Queued = "QUEUED";
    public const string Deleting = "DELETING";
    public const string Configuring = "CONFIGURING";
    public const string Ready = "READY";
    public const string Deleted = "DELETED";
    public const string Unstable = "UNSTABLE";
    public const string Pausing = "PAUSING";
    public const string Paused = "PAUSED";
    public const string Resuming = "RESUMING";
    public const string Upgrading = "UPGRADING";
    public const string Optimizing = "OPTIMIZING";

    public static readonly IReadOnlyList<string> All =
        [Queued, Deleting, Configuring, Ready, Deleted, Unstable, Pausing, Paused, Resuming, Upgrading, Optimizing];
}
