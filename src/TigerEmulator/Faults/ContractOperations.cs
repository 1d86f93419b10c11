using System.Text.RegularExpressions;
using TigerEmulator.Contract;
using TigerEmulator.Lifecycle;

namespace TigerEmulator.Faults;

/// The contract's operationIds, read from both revisions' files so a rule can name any operation either documents and
/// nothing else, and the operations that start the actions a lifecycle fault may hit.
public static partial class ContractOperations
{
    public static readonly IReadOnlyList<string> All = ContractRevision.All
        .SelectMany(revision => OperationId().Matches(revision.Original()).Select(match => match.Groups[1].Value))
        .Distinct()
        .ToList();

    /// The operations that start an action on a resource of a kind the effect applies to, read off the table's rows.
    public static IReadOnlyList<string> StartingFor(TransitionTable table, FaultEffect effect) =>
        table.All.Where(action => action.StartedBy is not null && effect.AppliesTo(action.Kind)).Select(action => action.StartedBy!).ToList();

    [GeneratedRegex(@"^\s+operationId:\s*(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex OperationId();
}
