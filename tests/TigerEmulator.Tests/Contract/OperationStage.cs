using TigerEmulator.Tests.Support;

namespace TigerEmulator.Tests.Contract;

/// A fresh emulator made ready for one operation: the resources its path names exist and are usable, and
/// <see cref="ValidCall"/> is the call a correct client would make. Nothing is shared with other tests.
public sealed class OperationStage : IAsyncDisposable
{
    private OperationStage(EmulatorFactory factory, ContractOperation operation)
    {
        Factory = factory;
        Operation = operation;
        Client = factory.CreateAuthenticatedClient();
        Seeder = new ResourceSeeder(factory, Client);
    }

    public EmulatorFactory Factory { get; }

    public ContractOperation Operation { get; }

    public HttpClient Client { get; }

    public ResourceSeeder Seeder { get; }

    public ContractCall ValidCall { get; private set; } = null!;

    public static async Task<OperationStage> PrepareAsync(string operationId)
    {
        var stage = new OperationStage(new EmulatorFactory(), OpenApiContract.Find(operationId));
        try
        {
            var call = new ContractCall(stage.Operation, await stage.SeedPathAsync())
            {
                Body = stage.Operation.RequestSchema is { } schema ? ExampleBody.For(schema) : null,
            };
            stage.ValidCall = OperationFixtures.ByOperationId.TryGetValue(operationId, out var fixture)
                ? await fixture(stage, call)
                : call;
            return stage;
        }
        catch
        {
            await stage.DisposeAsync();
            throw;
        }
    }

    public Task<HttpResponseMessage> SendAsync(ContractCall call) => Client.SendAsync(call.ToRequest());

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }

    /// Creates what each path parameter names, so that a valid call finds it.
    private async Task<Dictionary<string, string>> SeedPathAsync()
    {
        var names = Operation.PathParameterNames;
        var ids = new Dictionary<string, string>();
        foreach (var name in names)
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
