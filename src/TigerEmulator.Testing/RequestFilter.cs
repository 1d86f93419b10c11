using System.Globalization;

namespace TigerEmulator.Testing;

/// <summary>Which journaled requests to read or count; every field left null matches all.</summary>
public sealed record RequestFilter
{
    /// <summary>The contract's operationId, such as <c>createService</c>.</summary>
    public string? Operation { get; init; }

    /// <summary>The answer's status code.</summary>
    public int? Status { get; init; }

    /// <summary>Requests at or after this emulated time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Requests at or before this emulated time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>At most this many, newest first (reading only; a count counts them all).</summary>
    public int? Limit { get; init; }

    internal string Query(bool withLimit)
    {
        var parts = new List<string>();
        Add(parts, "operation", Operation);
        Add(parts, "status", Status?.ToString(CultureInfo.InvariantCulture));
        Add(parts, "since", Since?.ToString("O", CultureInfo.InvariantCulture));
        Add(parts, "until", Until?.ToString("O", CultureInfo.InvariantCulture));
        Add(parts, "limit", withLimit ? Limit?.ToString(CultureInfo.InvariantCulture) : null);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (value is not null)
        {
            parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}
