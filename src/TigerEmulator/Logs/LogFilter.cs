using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;
using TigerEmulator.Http;

namespace TigerEmulator.Logs;

/// The newer contract's log filters: every <c>search</c> term must appear in the entry's message, and the entry's
/// severity must be one of <c>severities</c>. Terms match as written, spaces included, ignoring case (ordinal, as a
/// full-text search folds case); severities are named in any case. Repeating a term or a severity changes nothing.
public sealed class LogFilter
{
    internal static readonly LogFilter None = new([], SeveritySet.None);

    private readonly SearchValues<string>[] terms;

    private LogFilter(IReadOnlyList<string> terms, SeveritySet severities)
    {
        // One term per search, since every one must be found; the longest first, as a long term is the likelier to miss.
        this.terms = [.. terms.OrderByDescending(t => t.Length).Select(t => SearchValues.Create([t], StringComparison.OrdinalIgnoreCase))];
        Severities = severities;
        Digest = IsEmpty ? null : DigestOf(terms, severities);
    }

    public bool IsEmpty => terms.Length == 0 && Severities == SeveritySet.None;

    internal bool HasTerms => terms.Length > 0;

    /// None: any severity.
    internal SeveritySet Severities { get; }

    /// Names the filter in a cursor, the same for any order, case or repetition of its terms and severities; null without one.
    public string? Digest { get; }

    internal static LogFilter Parse(StringValues search, StringValues severities)
    {
        var terms = new List<string>();
        foreach (var term in search)
        {
            if (string.IsNullOrWhiteSpace(term))
            {
                throw TigerException.Invalid($"each 'search' term must contain a character that is not whitespace, not '{term}'");
            }

            terms.Add(term);
        }

        var set = SeveritySet.None;
        foreach (var name in severities)
        {
            var named = SeverityNames.Named(name ?? "");
            set |= named != SeveritySet.None ? named
                : throw TigerException.Invalid($"'severities' holds '{name}', which is not a PostgreSQL severity: use {SeverityNames.Accepted}");
        }

        var distinct = terms.Select(t => t.ToUpperInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return distinct.Count == 0 && set == SeveritySet.None ? None : new LogFilter(distinct, set);
    }

    /// Whether a line of this severity may pass, before its message is written.
    internal bool Admits(string severity) => Severities == SeveritySet.None || (SeverityNames.Of(severity) & Severities) != 0;

    /// Whether lines of these severities may pass: a stretch of the log that can hold none of the filter's is skipped whole.
    internal bool MayAdmit(SeveritySet possible) => Severities == SeveritySet.None || (possible & Severities) != 0;

    /// Whether every term appears in the message, read as UTF-16 (at most one char per UTF-8 byte) in the scratch.
    internal bool Matches(ReadOnlySpan<byte> message, Span<char> scratch)
    {
        var text = scratch[..Encoding.UTF8.GetChars(message, scratch)];
        foreach (var term in terms)
        {
            if (!text.ContainsAny(term))
            {
                return false;
            }
        }

        return true;
    }

    private static string DigestOf(IReadOnlyList<string> terms, SeveritySet severities)
    {
        // Each term with its length, so that no two lists of terms run together into the same text.
        var text = $"{(int)severities}|{string.Concat(terms.Select(t => $"{t.Length}:{t}"))}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
    }
}
