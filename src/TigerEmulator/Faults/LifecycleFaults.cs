using TigerEmulator.Lifecycle;
using TigerEmulator.ReplicaSets;
using TigerEmulator.Services;
using TigerEmulator.Vpcs;

namespace TigerEmulator.Faults;

/// The lifecycle worker's seam for faults: before each due step, the engine may hold it or fail the resource.
public sealed class LifecycleFaults(FaultEngine engine) : ILifecycleInterceptor
{
    public StepOutcome BeforeStep(ILifecycleDocument document, LifecycleAction action)
    {
        // Recovery is how an UNSTABLE fault ends; letting faults hit it could keep a service unstable for ever.
        if (engine.IsEmpty || action == TransitionTable.RecoverService)
        {
            return StepOutcome.Proceed;
        }

        var target = new FaultTarget(ContractOperations.Starting(action), null, null, ProjectOf(document), ResourcesOf(document));
        switch (engine.DecideStep(target, action.Kind))
        {
            case StallEffect:
                return StepOutcome.Stall;
            case UnstableEffect unstable:
                return new StepOutcome(StepVerdict.Fail, "UNSTABLE", null, unstable.Recover ? TransitionTable.RecoverService : null);
            case ReplicaErrorEffect:
                return new StepOutcome(StepVerdict.Fail, "error");
            case PeeringFailureEffect failure when document is PeeringDocument peering:
                // The worker stores this same document after a failure, so the message is kept with the status.
                peering.ErrorMessage = failure.Message;
                return new StepOutcome(StepVerdict.Fail, PeeringFailureEffect.FailedStatus, failure.Message);
            default:
                return StepOutcome.Proceed;
        }
    }

    private static string? ProjectOf(ILifecycleDocument document) => document switch
    {
        ServiceDocument service => service.ProjectId,
        ReplicaSetDocument set => set.ProjectId,
        PeeringDocument peering => peering.ProjectId,
        _ => null,
    };

    // A replica set's rule may name the set or its service; a peering's may name the peering or its VPC.
    private static IReadOnlyList<string> ResourcesOf(ILifecycleDocument document) => document switch
    {
        ReplicaSetDocument set => [set.Id, set.ServiceId],
        PeeringDocument peering => [peering.Id, peering.VpcId],
        _ => [document.Id],
    };
}
