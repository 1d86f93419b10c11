namespace TigerEmulator.Metrics;

public static class MetricsSetup
{
    public static IServiceCollection AddServiceMetrics(this IServiceCollection services) => services.AddSingleton<ServerSamples>();
}
