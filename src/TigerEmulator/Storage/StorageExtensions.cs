using TigerEmulator.Auth;
using TigerEmulator.ReplicaSets;
using TigerEmulator.Services;
using TigerEmulator.Vpcs;

namespace TigerEmulator.Storage;

public static class StorageExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
        {
            var database = new EmulatorDatabase(provider.GetRequiredService<EmulatorOptions>());
            database.EnsureIndex<ServiceDocument>(s => s.ProjectId);
            database.EnsureIndex<ServiceDocument>(s => s.NextStepAt);
            database.EnsureIndex<ReplicaSetDocument>(r => r.ServiceId);
            database.EnsureIndex<ReplicaSetDocument>(r => r.NextStepAt);
            database.EnsureIndex<VpcDocument>(v => v.ProjectId);
            database.EnsureIndex<PeeringDocument>(p => p.VpcId);
            database.EnsureIndex<PeeringDocument>(p => p.NextStepAt);
            return database;
        });
        services.AddSingleton(typeof(IStore<>), typeof(LiteStore<>));
        services.AddSingleton<ApiKeyRegistry>();
        return services;
    }
}
