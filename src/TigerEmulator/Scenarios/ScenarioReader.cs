using TigerEmulator.Faults;
using TigerEmulator.Lifecycle;
using TigerEmulator.Reading;

namespace TigerEmulator.Scenarios;

/// Turns a parsed scenario document into a <see cref="Scenario"/>, checking every field and every reference first:
/// the emulator never applies part of a scenario.
public static class ScenarioReader
{
    public static Scenario Read(DocumentNode root, string source, string fallbackName, EmulatorOptions options, TransitionTable table)
    {
        var top = new MapReader(root, source);
        var book = new ReferenceBook(source);
        book.Know("project", options.ProjectId, new SeedProject(options.ProjectId, "Emulator Project", "FREE"));
        var name = top.OptionalString("name", 64) ?? fallbackName;
        var description = top.OptionalString("description", 2000);
        var seed = top.OptionalInt("seed", int.MinValue, int.MaxValue);
        var timing = TimingReader.Read(top.OptionalObject("timing"), table);
        var projects = top.Maps("projects").Select(map => SeedReaders.Project(map, book)).ToList();
        var keys = top.Maps("api_keys").Select(map => SeedReaders.ApiKey(map, book, options)).ToList();
        var users = top.Maps("users").Select(map => SeedReaders.User(map, book)).ToList();
        var tokens = top.Maps("tokens").Select(map => SeedReaders.Token(map, book)).ToList();
        var vpcs = top.Maps("vpcs").Select(map => SeedReaders.Vpc(map, book, options)).ToList();
        var peerings = top.Maps("peerings").Select(map => SeedReaders.Peering(map, book)).ToList();
        var services = top.Maps("services").Select(map => ServiceSeedReader.Service(map, book, options)).ToList();
        var sets = top.Maps("replica_sets").Select(map => ServiceSeedReader.ReplicaSet(map, book)).ToList();
        var generate = Generation(top.OptionalObject("generate"), book, options);
        var faults = top.Maps("faults").Select(map => Fault(map, book, table)).ToList();
        var logs = Logs(top.OptionalObject("logs"));
        top.RejectUnknown();
        book.CheckAll();
        return new Scenario(name, source, description, seed, timing, projects, keys, users, tokens, vpcs, peerings, services, sets, generate, faults, logs);
    }

    private static ScenarioLogs Logs(MapReader? logs)
    {
        if (logs is null)
        {
            return ScenarioLogs.Unchanged;
        }

        var rate = logs.OptionalNumber("entries_per_minute", 0.001, 60_000);
        var errors = logs.OptionalNumber("error_ratio", 0, 0.5);
        logs.RejectUnknown();
        return new ScenarioLogs(rate, errors);
    }

    private static FaultRule Fault(MapReader map, ReferenceBook book, TransitionTable table)
    {
        var rule = FaultRuleReader.Read(map, table);
        if (rule.Id is { } id)
        {
            book.Declare("fault rule", id, map.PlaceOf("id"), rule);
        }

        return rule;
    }

    private static ScenarioGeneration? Generation(MapReader? map, ReferenceBook book, EmulatorOptions options)
    {
        if (map is null)
        {
            return null;
        }

        var generation = new ScenarioGeneration(
            SeedReaders.ProjectOf(map, book, options),
            map.OptionalInt("services", 0, 50) ?? 0,
            map.OptionalInt("vpcs", 0, 20) ?? 0,
            map.OptionalInt("peerings", 0, 20) ?? 0,
            map.OptionalInt("replica_sets", 0, 50) ?? 0);
        map.RejectUnknown();
        if (generation.Peerings > 0 && generation.Vpcs == 0)
        {
            throw map.Error("peerings", "need at least one generated VPC");
        }

        return generation.ReplicaSets > 0 && generation.Services == 0
            ? throw map.Error("replica_sets", "need at least one generated service")
            : generation;
    }
}
