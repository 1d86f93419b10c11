using System.Text.RegularExpressions;
using Bogus;
using TigerEmulator.ReplicaSets;
using TigerEmulator.Services;
using TigerEmulator.Vpcs;

namespace TigerEmulator.Scenarios;

/// Makes plausible resources with Bogus from the scenario's seed: the same seed always gives the same names,
/// sizes and statuses. Every value it picks is one the validator would accept.
internal static partial class DemoGenerator
{
    public static readonly Generated Nothing = new([], [], [], []);

    private static readonly (int Cpu, int Memory)[] Sizes = [(500, 2), (1000, 4), (2000, 8), (4000, 16)];

    public static Generated Generate(ScenarioGeneration plan, int seed, NewIds newIds)
    {
        var newId = newIds.Other;
        // Bogus's global seed is shared by every Faker in the process; a Randomizer of our own keeps this one apart.
        var faker = new Faker("en") { Random = new Randomizer(seed) };
        var vpcs = Enumerable.Range(0, plan.Vpcs)
            .Select(i => new SeedVpc(newIds.Network(), plan.Project, Name(faker, "vpc"), $"10.{i + 1}.0.0/16", Pick(faker, Regions.All.Take(4).ToList())))
            .ToList();
        var peerings = Enumerable.Range(0, plan.Peerings).Select(_ => Peering(faker, Pick(faker, vpcs), newIds.Network)).ToList();
        var services = Enumerable.Range(0, plan.Services).Select(_ => Service(faker, plan.Project, vpcs, newId)).ToList();
        var sets = Enumerable.Range(0, plan.ReplicaSets).Select(_ =>
        {
            var size = Pick(faker, Sizes);
            var status = faker.Random.WeightedRandom([ReplicaSetStatus.Active, ReplicaSetStatus.Creating], [0.85f, 0.15f]);
            return new SeedReplicaSet(newId(), Pick(faker, services).Id!, Name(faker, "replica"), status, faker.Random.Int(1, 3), size.Cpu, size.Memory, null, faker.Random.Bool(0.3f));
        }).ToList();
        return new Generated(vpcs, peerings, services, sets);
    }

    private static SeedService Service(Faker faker, string project, IReadOnlyList<SeedVpc> vpcs, Func<string> newId)
    {
        var vpc = vpcs.Count > 0 && faker.Random.Bool(0.3f) ? Pick(faker, vpcs) : null;
        var size = Pick(faker, Sizes);
        var replicas = faker.Random.WeightedRandom([0, 1, 2], [0.6f, 0.3f, 0.1f]);
        return new SeedService(
            newId(), project, Name(faker, "db"),
            faker.Random.WeightedRandom([ServiceStatus.Ready, ServiceStatus.Paused, ServiceStatus.Configuring], [0.7f, 0.15f, 0.15f]),
            faker.PickRandom("TIMESCALEDB", "POSTGRES", "VECTOR"),
            vpc?.RegionCode ?? Pick(faker, Regions.All.Take(4).ToList()),
            size.Cpu, size.Memory,
            Pick(faker, ServiceRequests.Environments),
            replicas, faker.Random.Int(0, replicas),
            faker.Random.Bool(0.4f), vpc?.Id, null, null);
    }

    private static SeedPeering Peering(Faker faker, SeedVpc vpc, Func<string> newId) => new(
        newId(), vpc.Id!, faker.Random.ReplaceNumbers("############"), Pick(faker, Regions.All), "vpc-" + faker.Random.Hexadecimal(17, "").ToLowerInvariant(),
        faker.Random.WeightedRandom([PeeringStatus.Active, PeeringStatus.Pending], [0.8f, 0.2f]), null);

    // Bogus's PickRandom takes a read-only list for a single item, so pick by index.
    private static T Pick<T>(Faker faker, IReadOnlyList<T> items) => items[faker.Random.Int(0, items.Count - 1)];

    // "quantum-analytics-db": lowercase words and dashes, as people name their services.
    private static string Name(Faker faker, string suffix) =>
        NotInName().Replace($"{faker.Hacker.Adjective()}-{faker.Commerce.Department(1)}-{suffix}".ToLowerInvariant(), "-");

    [GeneratedRegex("[^a-z0-9-]+")]
    private static partial Regex NotInName();

    public sealed record Generated(IReadOnlyList<SeedVpc> Vpcs, IReadOnlyList<SeedPeering> Peerings, IReadOnlyList<SeedService> Services, IReadOnlyList<SeedReplicaSet> ReplicaSets);
}
