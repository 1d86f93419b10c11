namespace TigerEmulator.Lifecycle;

/// One entry of a resource's history: from this moment it had this status, because of this action; a failure says why
/// (the service's own logs tell it).
public sealed record StatusChange(DateTime At, string Status, string? Action, string? Reason = null);
