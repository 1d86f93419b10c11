namespace TigerEmulator.Databases;

/// The extensions a service's type implies in its tsdb, as the cloud makes them: TIMESCALEDB has timescaledb (its
/// library preloaded, which the extension requires), VECTOR has vector (pgvector), POSTGRES neither.
public static class ServiceExtensions
{
    /// Every extension some service type implies, with that type.
    public static readonly IReadOnlyList<(string Name, string ServiceType)> All = [("timescaledb", "TIMESCALEDB"), ("vector", "VECTOR")];

    public static IReadOnlyList<string> For(string? serviceType) => [.. All.Where(e => e.ServiceType == serviceType).Select(e => e.Name)];

    public static bool IsPreloaded(string extension) => extension == "timescaledb";
}

/// What one server has of its type's extensions: those the binaries have (created in tsdb at each start) and those
/// they lack (the service runs without them, and its log says so).
public sealed record ExtensionPlan(IReadOnlyList<string> Installed, IReadOnlyList<string> Missing)
{
    public static readonly ExtensionPlan None = new([], []);

    public IEnumerable<string> PreloadLibraries() => Installed.Where(ServiceExtensions.IsPreloaded);
}
