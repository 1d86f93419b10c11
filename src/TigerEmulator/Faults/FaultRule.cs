namespace TigerEmulator.Faults;

/// A fault as data: what it matches, what it does, and how often. Of the matching requests (or lifecycle steps),
/// the first <see cref="After"/> are let through, the next <see cref="Times"/> (all, when null) are candidates,
/// and each candidate fails with <see cref="Probability"/>, drawn from the rule's own seeded random source.
public sealed record FaultRule(string? Id, FaultMatch Match, FaultEffect Effect, double Probability = 1, int? Times = null, int After = 0);

/// Every condition that is given must hold; an empty match matches everything the effect can apply to.
public sealed record FaultMatch(string? Operation = null, string? Method = null, string? Path = null, string? Project = null, string? Resource = null, int? Node = null)
{
    public bool Matches(FaultTarget target) =>
        (Operation is null || Operation == target.Operation)
        && (Method is null || string.Equals(Method, target.Method, StringComparison.OrdinalIgnoreCase))
        && (Path is null || (target.Path is not null && PathMatches(Path, target.Path)))
        && (Project is null || Project == target.Project)
        && (Resource is null || target.Resources.Contains(Resource))
        && (Node is null || Node == target.Node);

    // "*" stands for exactly one path segment: /public/api/v1/projects/*/services.
    private static bool PathMatches(string pattern, string path)
    {
        var wanted = pattern.TrimEnd('/').Split('/');
        var actual = path.TrimEnd('/').Split('/');
        return wanted.Length == actual.Length && wanted.Zip(actual).All(pair => pair.First == "*" || pair.First == pair.Second);
    }
}

/// What a rule is matched against: a request to the contract API, or a due step of a resource's lifecycle
/// (then Operation is the call that started the action, and Method and Path are null), or a connection to a service's
/// database (then only Project, Resources (the service) and Node are set).
public sealed record FaultTarget(string? Operation, string? Method, string? Path, string? Project, IReadOnlyList<string> Resources, int? Node = null);
