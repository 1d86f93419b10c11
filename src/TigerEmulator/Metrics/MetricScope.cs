namespace TigerEmulator.Metrics;

/// Which series a metric has, what labels name them, and which the caller gets when no filter names a role.
internal enum MetricScope
{
    /// One series per node (primary and each HA replica), labelled role and ordinal; every role by default.
    EachNode,

    /// One series per node, labelled role and ordinal; the primary by default, replicas only when asked for.
    PrimaryNode,

    /// One series per TimescaleDB background job on the primary, labelled role and job_id.
    Jobs,
}
