using TigerEmulator.Lifecycle;
using TigerEmulator.ReplicaSets;
using TigerEmulator.Services;
using TigerEmulator.Vpcs;

namespace TigerEmulator.Faults;

/// The lifecycle worker's seam for faults: before each due step, the engine may hold it or fail the resource.
public sealed class LifecycleFaults(FaultEngine engine, TransitionTable table) : ILifecycleInterceptor
{
    public StepOutcome BeforeStep(LifecycleDocument document, LifecycleAction action)
    {
        // Recovery is how an UNSTABLE fault ends; letting faults hit it could keep a service unstable for ever.
        if (engine.IsEmpty || !action.Faultable)
        {
            return StepOutcome.Proceed;
        }

        var kind = table.Kind(action.Kind);
        var target = new FaultTarget(action.StartedBy, null, null, kind.ProjectOf(document), kind.FaultTargets(document));
        switch (engine.DecideStep(target, action.Kind))
        {
            case StallEffect:
                return StepOutcome.Stall;
            case UnstableEffect unstable:
                return new StepOutcome(StepVerdict.Fail, ServiceStatus.Unstable, ThenBegin: unstable.Recover ? ServiceLifecycle.Recover : null);
            case ReplicaErrorEffect:
                return new StepOutcome(StepVerdict.Fail, ReplicaSetStatus.Error);
            case PeeringFailureEffect failure when document is PeeringDocument:
                // The message is kept with the failed status, in the same stored change.
                return new StepOutcome(
                    StepVerdict.Fail, PeeringFailureEffect.FailedStatus, failed => ((PeeringDocument)failed) with { ErrorMessage = failure.Message });
            default:
                return StepOutcome.Proceed;
        }
    }
}
