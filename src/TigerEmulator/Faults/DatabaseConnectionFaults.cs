using TigerEmulator.Endpoints;

namespace TigerEmulator.Faults;

/// The database front's seam onto the engine: connection rules matched by project, service (resource) and node.
/// Each rule that fires is logged with its id, as the journal names the rules that fired on a request.
public sealed class DatabaseConnectionFaults : IConnectionFaults
{
    private readonly FaultEngine engine;
    private readonly ILogger<DatabaseConnectionFaults> logger;

    public DatabaseConnectionFaults(FaultEngine engine, ILogger<DatabaseConnectionFaults> logger)
    {
        this.engine = engine;
        this.logger = logger;
        engine.Added += rule =>
        {
            if (rule.Effect is EndConnectionsEffect)
            {
                EndRuleAdded?.Invoke(rule.Id!);
            }
        };
    }

    public event Action<string>? EndRuleAdded;

    /// A connection met these rules (the journal records it, as it records a request's).
    public event Action<ConnectionTarget, IReadOnlyList<string>>? Fired;

    public bool Any => !engine.IsEmpty;

    public ConnectionVerdict Decide(ConnectionTarget target)
    {
        var (delay, terminal, fired) = engine.DecideConnection(Of(target));
        if (fired is null)
        {
            return ConnectionVerdict.None;
        }

        logger.LogInformation("Fault rules {Rules} fired on a connection to service {Id} (node {Node})", string.Join(", ", fired), target.ServiceId, target.Node);
        Fired?.Invoke(target, fired);
        return new ConnectionVerdict(
            delay,
            terminal is RefuseConnectionsEffect refuse ? new ConnectionRefusal(refuse.SqlState, refuse.Message) : null,
            (terminal as UnreachableEffect)?.Bound,
            fired);
    }

    public bool Ends(string ruleId, ConnectionTarget target)
    {
        var fires = engine.Fires(ruleId, Of(target));
        if (fires)
        {
            logger.LogInformation("Fault rule {Rule} ended a connection to service {Id} (node {Node})", ruleId, target.ServiceId, target.Node);
            Fired?.Invoke(target, [ruleId]);
        }

        return fires;
    }

    private static FaultTarget Of(ConnectionTarget target) => new(null, null, null, target.ProjectId, [target.ServiceId], target.Node);
}
