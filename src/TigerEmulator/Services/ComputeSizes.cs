using System.Globalization;
using TigerEmulator.Http;

namespace TigerEmulator.Services;

/// The CPU/memory pairs the cloud offers. Null sizes stand for "shared".
public static class ComputeSizes
{
    public const string Shared = "shared";

    private static readonly (int CpuMillis, int MemoryGbs)[] Dedicated =
        [(500, 2), (1000, 4), (2000, 8), (4000, 16), (8000, 32), (16000, 64), (32000, 128)];

    /// How a caller refuses a field: a request body and a scenario file each name it their own way.
    public delegate Exception Refusal(string field, string problem);

    public static string AllowedDedicated => string.Join(", ", Dedicated.Select(p => $"{p.CpuMillis}/{p.MemoryGbs}"));

    public static string Allowed => "shared/shared, " + AllowedDedicated;

    /// Resolves the string pair of create, fork and resize requests and of scenario services; either half may be
    /// omitted when the other decides.
    public static (int? CpuMillis, int? MemoryGbs) Resolve(string? cpu, string? memory, bool allowShared, Refusal? refuse = null)
    {
        refuse ??= Refuse;
        if (cpu == Shared || memory == Shared)
        {
            if (!allowShared)
            {
                throw refuse("cpu_millis", "and 'memory_gbs' cannot be 'shared' here; allowed: " + AllowedDedicated);
            }

            return (cpu ?? Shared) == Shared && (memory ?? Shared) == Shared
                ? (null, null)
                : throw refuse("cpu_millis", $"and 'memory_gbs' must both be 'shared'; allowed pairs: {Allowed}");
        }

        return Offered(ParseNumber("cpu_millis", cpu, refuse), ParseNumber("memory_gbs", memory, refuse), allowShared, refuse);
    }

    /// The one offered dedicated pair that matches the halves given.
    public static (int CpuMillis, int MemoryGbs) Offered(int? cpu, int? memory, bool allowShared, Refusal refuse)
    {
        var match = Dedicated.Where(p => (cpu is null || p.CpuMillis == cpu) && (memory is null || p.MemoryGbs == memory)).ToList();
        return match.Count == 1 ? match[0] : throw refuse(
            cpu is null ? "memory_gbs" : "cpu_millis",
            $"with memory_gbs gives {cpu?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}/{memory?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}, not an offered size; allowed pairs: {(allowShared ? Allowed : AllowedDedicated)}");
    }

    private static Exception Refuse(string field, string problem) => TigerException.Invalid($"'{field}' {problem}");

    private static int? ParseNumber(string field, string? text, Refusal refuse)
    {
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw refuse(field, $"must be a whole number as a string or 'shared', not '{text}'");
    }
}
