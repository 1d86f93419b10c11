namespace TigerEmulator.Scenarios;

// Declared resources. A null id is drawn from the seeded id generator when the scenario is applied.

public sealed record SeedProject(string Id, string Name, string PlanType);

public sealed record SeedApiKey(string PublicKey, string SecretKey, string Project, string Name);

/// An OAuth user and the projects they belong to; tokens are seeded apart, each for one user.
public sealed record SeedUser(string Id, string Name, string Email, IReadOnlyList<string> Projects);

/// Only the token's hash is held, from the moment the file is read; the lifetime runs from when the scenario is applied.
public sealed record SeedToken(string Hash, string User, TimeSpan? Lifetime);

public sealed record SeedVpc(string? Id, string Project, string Name, string Cidr, string RegionCode);

public sealed record SeedPeering(
    string? Id, string Vpc, string PeerAccountId, string PeerRegionCode, string PeerVpcId, string Status, string? ErrorMessage, string? ProvisionedId = null);

public sealed record SeedService(
    string? Id,
    string Project,
    string Name,
    string Status,
    string ServiceType,
    string RegionCode,
    int? CpuMillis,
    int? MemoryGbs,
    string Environment,
    int HaReplicas,
    int HaSyncReplicas,
    bool Pooler,
    string? Vpc,
    string? Password,
    string? ForkedFrom,
    string? ResourceId = null);

public sealed record SeedReplicaSet(string? Id, string Service, string Name, string Status, int Nodes, int CpuMillis, int MemoryGbs, string? Environment, bool Pooler);
