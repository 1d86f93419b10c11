using TigerEmulator.Http;

namespace TigerEmulator.Services;

/// The CPU/memory pairs the cloud offers. Null sizes stand for "shared".
public static class ComputeSizes
{
    public const string Shared = "shared";

    private static readonly (int CpuMillis, int MemoryGbs)[] Dedicated =
        [(500, 2), (1000, 4), (2000, 8), (4000, 16), (8000, 32), (16000, 64), (32000, 128)];

    public static string AllowedDedicated => string.Join(", ", Dedicated.Select(p => $"{p.CpuMillis}/{p.MemoryGbs}"));

    public static string Allowed => "shared/shared, " + AllowedDedicated;

    public static bool IsAllowed(int cpuMillis, int memoryGbs) => Dedicated.Contains((cpuMillis, memoryGbs));

    /// Resolves the string pair of create, fork and resize requests; either half may be omitted when the other decides.
    public static (int? CpuMillis, int? MemoryGbs) Resolve(string? cpu, string? memory, bool allowShared)
    {
        if (cpu == Shared || memory == Shared)
        {
            if (!allowShared)
            {
                throw JsonFields.Invalid("'cpu_millis' and 'memory_gbs' cannot be 'shared' here; allowed: " + AllowedDedicated);
            }

            return (cpu ?? Shared) == Shared && (memory ?? Shared) == Shared
                ? (null, null)
                : throw JsonFields.Invalid($"'cpu_millis' and 'memory_gbs' must both be 'shared'; allowed pairs: {Allowed}");
        }

        var cpuMillis = ParseNumber("cpu_millis", cpu);
        var memoryGbs = ParseNumber("memory_gbs", memory);
        var match = Dedicated.Where(p => (cpuMillis is null || p.CpuMillis == cpuMillis) && (memoryGbs is null || p.MemoryGbs == memoryGbs)).ToList();
        if (match.Count != 1)
        {
            throw JsonFields.Invalid($"'cpu_millis' {cpu ?? "(none)"} with 'memory_gbs' {memory ?? "(none)"} is not an offered size; allowed pairs: {Allowed}");
        }

        return match[0];
    }

    private static int? ParseNumber(string field, string? text)
    {
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw JsonFields.Invalid($"'{field}' must be a whole number as a string or 'shared', not '{text}'");
    }
}
