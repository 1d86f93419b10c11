using TigerEmulator.Reading;

namespace TigerEmulator.Services;

/// The rules a service's fields obey wherever they come from, a request body or a scenario file: both read them here.
public static class ServiceRules
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 256;

    public static string Name(MapReader fields) => fields.RequiredString("name", ServiceRequests.MaxNameLength);

    public static int? HaReplicas(MapReader fields) => fields.OptionalInt("replica_count", 0, ServiceRequests.MaxHaReplicas);

    public static int? HaSyncReplicas(MapReader fields) => fields.OptionalInt("sync_replica_count", 0, ServiceRequests.MaxHaReplicas);

    /// Why a sync count does not fit the replica count, said after the name of the sync field; null when it fits.
    public static string? SyncProblem(int replicas, int sync) => sync <= replicas ? null : $"({sync}) cannot exceed replica_count ({replicas})";

    /// A password is never repeated in an error, not even when it has the wrong type.
    public static string? Password(MapReader fields, bool required)
    {
        var password = required
            ? fields.RequiredString("password", MaxPasswordLength, secret: true)
            : fields.OptionalString("password", MaxPasswordLength, secret: true);
        return password is { Length: < MinPasswordLength }
            ? throw fields.Error("password", $"must be at least {MinPasswordLength} characters long")
            : password;
    }

    /// The size a new service gets: the default when neither half is named.
    public static (int? CpuMillis, int? MemoryGbs) NewSize(MapReader fields, string? cpu, string? memory) =>
        cpu is null && memory is null ? ServiceRequests.DefaultSize : ComputeSizes.Resolve(cpu, memory, allowShared: true, fields.Error);
}
