namespace TigerEmulator.Storage;

public static class StorageExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddSingleton<StateLock>();
        services.AddSingleton<DataFiles>();
        services.AddSingleton(provider => new EmulatorDatabase(
            provider.GetRequiredService<EmulatorOptions>(),
            provider.GetRequiredService<StateLock>(),
            provider.GetRequiredService<ILogger<EmulatorDatabase>>(),
            provider.GetRequiredService<DataFiles>()));
        services.AddSingleton(typeof(IStore<>), typeof(MemoryStore<>));
        return services;
    }
}
