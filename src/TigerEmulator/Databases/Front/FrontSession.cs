namespace TigerEmulator.Databases.Front;

/// A relayed session once the server has told its backend's process id (BackendKeyData): what a fault rule that
/// ends connections needs to end it as an administrator would.
public sealed record FrontSession(FrontTarget Target, int BackendPid);
