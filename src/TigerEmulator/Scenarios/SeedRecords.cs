namespace TigerEmulator.Scenarios;

// Declared resources. A null id is drawn from the seeded id generator when the scenario is applied.

public sealed record SeedProject(string Id, string Name, string PlanType);

public sealed record SeedApiKey(string PublicKey, string SecretKey, string Project, string Name);

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
