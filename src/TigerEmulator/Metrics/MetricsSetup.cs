namespace TigerEmulator.Metrics;

public static class MetricsSetup
{
    public static IServiceCollection AddMetrics(this IServiceCollection services) => services.AddSingleton<ServerSamples>();
}
