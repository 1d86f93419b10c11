namespace TigerEmulator.Scenarios;

/// Where a seeded resource without an id gets one: VPCs and peerings digits (<see cref="Network"/>), as the newer contract
/// revision documents their ids, everything else letters and digits (<see cref="Other"/>).
public sealed record NewIds(Func<string> Other, Func<string> Network);
