namespace TigerEmulator.ReplicaSets;

/// Every status a read replica set can have, as the contract spells them.
public static class ReplicaSetStatus
{
    public const string Creating = "creating";
    public const string Active = "active";
    public const string Resizing = "resizing";
    public const string Deleting = "deleting";
    public const string Error = "error";

    public static readonly IReadOnlyList<string> All = [Creating, Active, Resizing, Deleting, Error];
}
