using TigerEmulator.Admin;

namespace TigerEmulator.Scenarios;

public static class ScenarioSetup
{
    public static IServiceCollection AddScenarios(this IServiceCollection services)
    {
        services.AddSingleton<ScenarioLocator>();
        services.AddSingleton<StateExport>();
        services.AddSingleton<ScenarioLoader>();
        services.AddSingleton<ActiveScenario>();
        services.AddSingleton<SeedWriter>();
        services.AddSingleton<ScenarioSeeder>();
        services.AddSingleton<ScenarioStartup>();
        services.AddSingleton<IResetParticipant>(provider => provider.GetRequiredService<ScenarioSeeder>());
        return services;
    }
}
