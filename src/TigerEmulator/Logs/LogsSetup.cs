namespace TigerEmulator.Logs;

public static class LogsSetup
{
    /// Log settings start from the defaults and the emulator's seed; configuration (and so a scenario) overrides them.
    public static IServiceCollection AddLogs(this IServiceCollection services)
    {
        services.AddSingleton<LogKnobs>();
        services.AddSingleton<ServerLogBooks>();
        services.AddOptions<LogSettings>()
            .Configure<EmulatorOptions>((settings, options) => settings.Seed = options.Seed)
            .BindConfiguration(LogSettings.Section)
            .Validate(settings => settings.IsValid, "Logs: EntriesPerMinute must be in (0, 60000] and ErrorRatio in [0, 0.5]")
            .ValidateOnStart();
        return services;
    }
}
