namespace TigerEmulator.Lifecycle;

/// One entry of a resource's history: from this moment it had this status, because of this action.
public sealed record StatusChange(DateTime At, string Status, string? Action);
