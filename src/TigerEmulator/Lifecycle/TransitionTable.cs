namespace TigerEmulator.Lifecycle;

/// The single source of truth for every asynchronous change in the emulator. Read it as documentation.
public static class TransitionTable
{
    public const string Service = "service";
    public const string ReplicaSet = "replicaSet";
    public const string Peering = "peering";

    private static readonly HashSet<string> Ready = ["READY"];

    public static readonly LifecycleAction CreateService = new(Service, "create", null, ["QUEUED", "CONFIGURING"], "READY");
    public static readonly LifecycleAction ForkService = new(Service, "fork", null, ["QUEUED", "CONFIGURING"], "READY");
    public static readonly LifecycleAction ResizeService = new(Service, "resize", Ready, ["CONFIGURING"], "READY");
    public static readonly LifecycleAction SetHa = new(Service, "setHA", Ready, ["CONFIGURING"], "READY");
    public static readonly LifecycleAction AttachVpc = new(Service, "attachToVPC", Ready, ["CONFIGURING"], "READY");
    public static readonly LifecycleAction DetachVpc = new(Service, "detachFromVPC", Ready, ["CONFIGURING"], "READY");
    public static readonly LifecycleAction StopService = new(Service, "stop", Ready, ["PAUSING"], "PAUSED");
    public static readonly LifecycleAction StartService = new(Service, "start", new HashSet<string> { "PAUSED" }, ["RESUMING"], "READY");
    public static readonly LifecycleAction DeleteService = new(Service, "delete", null, ["DELETING"], null);

    /// Entered only through a lifecycle fault: the service is UNSTABLE for a while, then READY again.
    public static readonly LifecycleAction RecoverService = new(Service, "recover", null, ["UNSTABLE"], "READY");

    public static readonly LifecycleAction CreateReplicaSet = new(ReplicaSet, "create", null, ["creating"], "active");
    public static readonly LifecycleAction ResizeReplicaSet = new(ReplicaSet, "resize", new HashSet<string> { "active" }, ["resizing"], "active");
    public static readonly LifecycleAction DeleteReplicaSet = new(ReplicaSet, "delete", null, ["deleting"], null);

    public static readonly LifecycleAction CreatePeering = new(Peering, "create", null, ["pending"], "active");

    public static IReadOnlyList<LifecycleAction> All { get; } =
    [
        CreateService, ForkService, ResizeService, SetHa, AttachVpc, DetachVpc, StopService, StartService, DeleteService, RecoverService,
        CreateReplicaSet, ResizeReplicaSet, DeleteReplicaSet, CreatePeering,
    ];

    public static LifecycleAction? Find(string kind, string? name) =>
        All.FirstOrDefault(action => action.Kind == kind && action.Name == name);
}
