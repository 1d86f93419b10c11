using TigerEmulator.Lifecycle;
using static TigerEmulator.Lifecycle.ServerEffect;
using static TigerEmulator.Services.ServiceStatus;

namespace TigerEmulator.Services;

/// A service's rows of the transition table: the operation that starts each action, the statuses it may start from,
/// the steps with what each takes in the cloud ("realistic") and what it does to the database, and where it ends.
public static class ServiceLifecycle
{
    public const string Kind = "service";

    private static readonly HashSet<string> WhenReady = [Ready];

    public static readonly LifecycleAction Create = new(Kind, "create", "createService", null,
        [new(Queued, Seconds(30)), new(Configuring, Minutes(3))], LifecycleStep.Final(Ready, StartFresh));

    public static readonly LifecycleAction Fork = new(Kind, "fork", "forkService", null,
        [new(Queued, Seconds(30)), new(Configuring, Minutes(4))], LifecycleStep.Final(Ready, StartRestored), SourceMustBe: Ready);

    public static readonly LifecycleAction Resize = new(Kind, "resize", "resizeService", WhenReady,
        [new(Configuring, Minutes(2), Stop)], LifecycleStep.Final(Ready, Restart));

    public static readonly LifecycleAction SetHa = new(Kind, "setHA", "setHAReplica", WhenReady,
        [new(Configuring, Minutes(3))], LifecycleStep.Final(Ready));

    public static readonly LifecycleAction AttachVpc = new(Kind, "attachToVPC", "attachServiceToVPC", WhenReady,
        [new(Configuring, Minutes(1))], LifecycleStep.Final(Ready));

    public static readonly LifecycleAction DetachVpc = new(Kind, "detachFromVPC", "detachServiceFromVPC", WhenReady,
        [new(Configuring, Minutes(1))], LifecycleStep.Final(Ready));

    public static readonly LifecycleAction StopService = new(Kind, "stop", "stopService", WhenReady,
        [new(Pausing, Minutes(1), Stop)], LifecycleStep.Final(Paused));

    public static readonly LifecycleAction StartService = new(Kind, "start", "startService", new HashSet<string> { Paused },
        [new(Resuming, Seconds(90))], LifecycleStep.Final(Ready, Restart));

    public static readonly LifecycleAction Delete = new(Kind, "delete", "deleteService", null,
        [new(Deleting, Minutes(1), Halt)], null);

    /// Entered only through a lifecycle fault: the service is UNSTABLE for a while, then READY again.
    public static readonly LifecycleAction Recover = new(Kind, "recover", null, null,
        [new(Unstable, Minutes(5))], LifecycleStep.Final(Ready, Restart)) { Faultable = false };

    public static readonly KindShape<ServiceDocument> Shape = new(Kind, service => service.ProjectId)
    {
        Actions = [Create, Fork, Resize, SetHa, AttachVpc, DetachVpc, StopService, StartService, Delete, Recover],
        FailedStatus = Unstable,
    };

    /// The row of an action by name, for readers of a service's history.
    public static LifecycleAction? Find(string? name) => Shape.Actions.FirstOrDefault(action => action.Name == name);

    private static TimeSpan Seconds(int seconds) => TimeSpan.FromSeconds(seconds);

    private static TimeSpan Minutes(int minutes) => TimeSpan.FromMinutes(minutes);
}
