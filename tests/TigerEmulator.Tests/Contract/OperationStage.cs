using TigerEmulator.Testing;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Contract;

/// The operation's emulator, just reset, made ready for one case: the resources its path names exist and are usable,
/// and <see cref="ValidCall"/> is the call a correct client would make. Nothing is left over from other cases.
public sealed class OperationStage : IAsyncDisposable
{
    // Calls carry their own credentials, so the client that sends them must add none.
    private readonly HttpClient callClient;

    private readonly OperationHost host;

    private OperationStage(OperationHost host, ContractOperation operation)
    {
        this.host = host;
        Operation = operation;
        Client = Factory.CreateTigerClient();
        Seeder = new ResourceSeeder(Factory, Client);
        callClient = Factory.CreateClient();
    }

    public TigerEmulatorFactory Factory => host.Factory;

    public ContractOperation Operation { get; }

    public HttpClient Client { get; }

    public ResourceSeeder Seeder { get; }

    public ContractCall ValidCall { get; private set; } = null!;

    /// Seeds what the operation's path names, then applies the operation's fixture, if it has one.
    /// <paramref name="freshHost"/> boots a host of its own, whose clock still reads <see cref="Emulator.Start"/>.
    /// <paramref name="revision"/> builds the call as a client of that revision would; by default the newest that has it.
    public static Task<OperationStage> PrepareAsync(string operationId, ITestOutputHelper? output = null, bool freshHost = false, OpenApiContract? revision = null) =>
        CreateAsync(operationId, output, freshHost, revision, async stage =>
        {
            var call = stage.CallWith(await stage.SeedPathAsync());
            return OperationFixtures.ByOperationId.TryGetValue(operationId, out var fixture) ? await fixture(stage, call) : call;
        });

    /// An empty emulator and a call that fills the path with the contract's example ids: enough for routing checks.
    public static Task<OperationStage> UnseededAsync(string operationId, ITestOutputHelper? output = null, OpenApiContract? revision = null) =>
        CreateAsync(operationId, output, freshHost: false, revision, stage => Task.FromResult(stage.CallWith(stage.Operation.PathParameterNames.ToDictionary(
            name => name,
            name => name == "project_id" ? stage.Factory.ProjectId : stage.Operation.ExampleId(name)))));

    public Task<HttpResponseMessage> SendAsync(ContractCall call) => callClient.SendAsync(call.ToRequest());

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        callClient.Dispose();
        host.Release();
        return ValueTask.CompletedTask;
    }

    private static async Task<OperationStage> CreateAsync(
        string operationId, ITestOutputHelper? output, bool freshHost, OpenApiContract? revision, Func<OperationStage, Task<ContractCall>> prepare)
    {
        var operation = revision?.Find(operationId) ?? OpenApiContract.Operation(operationId);
        var stage = new OperationStage(await OperationHost.LeaseAsync(operationId, output, freshHost), operation);
        try
        {
            stage.ValidCall = await prepare(stage);
            return stage;
        }
        catch
        {
            await stage.DisposeAsync();
            throw;
        }
    }

    private ContractCall CallWith(IReadOnlyDictionary<string, string> ids) =>
        new(Operation, ids) { Body = Operation.RequestSchema is { } schema ? ExampleBody.For(schema) : null };

    /// Creates what each path parameter names, so that a valid call finds it.
    private async Task<Dictionary<string, string>> SeedPathAsync()
    {
        var ids = new Dictionary<string, string>();
        foreach (var name in Operation.PathParameterNames)
        {
            ids[name] = name switch
            {
                "project_id" => Factory.ProjectId,
                "service_id" => await Seeder.ReadyServiceAsync(),
                "vpc_id" => await Seeder.VpcAsync(),
                "peering_id" => await Seeder.PeeringAsync(ids["vpc_id"]),
                "replica_set_id" => await Seeder.ActiveReplicaSetAsync(ids["service_id"]),
                _ => throw new NotSupportedException($"{Operation}: no seeding known for path parameter '{name}'; teach OperationStage about it"),
            };
        }

        return ids;
    }
}
