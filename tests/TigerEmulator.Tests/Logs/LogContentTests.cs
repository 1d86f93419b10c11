using TigerEmulator.Logs;

namespace TigerEmulator.Tests.Logs;

/// What the steady lines say: every kind PostgreSQL and TimescaleDB write, at severities in proportion, the same for the
/// same service and seed.
public sealed class LogContentTests
{
    private static readonly DateTime Day = StoredService.Created.AddDays(3);

    [Fact]
    public void Primary_WritesEveryKindOfLine()
    {
        var messages = StoredService.Log(StoredService.With(), 0, Day).Select(l => l.Message).ToList();

        foreach (var start in new[]
        {
            "connection received: host=", "connection authorized: user=", "disconnection: session time: ", "checkpoint starting: ",
            "checkpoint complete: wrote ", "automatic vacuum of table ", "automatic analyze of table ", "duration: ",
            "temporary file: path ", "still waiting for ShareLock", "refreshing continuous aggregate ", "(Compression Policy [1000]) exiting with success",
            "(Retention Policy [1001]) exiting with success", "password authentication failed for user",
        })
        {
            Assert.True(messages.Any(m => m.StartsWith(start, StringComparison.Ordinal) || m.Contains(start, StringComparison.Ordinal)), $"no line says '{start}'");
        }
    }

    [Fact]
    public void Replica_WritesRecoveryLines_AndNoPrimaryMaintenance()
    {
        var messages = StoredService.Log(StoredService.With(replicas: 1), 1, Day).Select(l => l.Message).ToList();

        Assert.Contains(messages, m => m.StartsWith("started streaming WAL from primary at ", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("restartpoint complete: wrote ", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("recovery restart point at ", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("connection authorized: ", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.StartsWith("automatic vacuum", StringComparison.Ordinal) || m.StartsWith("checkpoint", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("Policy [", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0.02)]
    [InlineData(0.3)]
    [InlineData(0)]
    public void Severities_FollowTheErrorRatio(double errorRatio)
    {
        var settings = new LogSettings { EntriesPerMinute = 60, ErrorRatio = errorRatio };
        var lines = StoredService.Log(StoredService.With(), 0, StoredService.Created.AddDays(1), settings);
        var share = lines.GroupBy(l => l.Severity).ToDictionary(g => g.Key, g => g.Count() / (double)lines.Count);

        Assert.True(lines.Count > 80_000, $"only {lines.Count} lines");
        Assert.Equal(errorRatio > 0 ? ["ERROR", "FATAL", "INFO", "LOG", "WARNING"] : ["INFO", "LOG"], share.Keys.Order());
        Assert.InRange(share.GetValueOrDefault("ERROR"), errorRatio * 0.9, errorRatio * 1.1);
        Assert.InRange(share.GetValueOrDefault("WARNING"), errorRatio / 2 * 0.85, errorRatio / 2 * 1.15);
        Assert.InRange(share.GetValueOrDefault("FATAL"), errorRatio / 10 * 0.7, errorRatio / 10 * 1.3);
        Assert.InRange(share["INFO"], 0.035, 0.045);
        Assert.All(lines.Where(l => l.Severity == "ERROR").Take(500), l => Assert.Contains("\nSTATEMENT:  ", l.Message));
    }

    [Fact]
    public void AuthorizedConnection_FollowsItsReceivedLine_FromTheSameBackend_WithinMilliseconds()
    {
        var lines = StoredService.Log(StoredService.With(), 0, Day);

        var authorized = Enumerable.Range(1, lines.Count - 1).Where(i => lines[i].Message.StartsWith("connection authorized", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(authorized);
        Assert.All(authorized, i =>
        {
            Assert.StartsWith("connection received", lines[i - 1].Message);
            Assert.Equal(lines[i - 1].Pid, lines[i].Pid);
            Assert.InRange(lines[i].Timestamp - lines[i - 1].Timestamp, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(15));
        });
    }

    [Fact]
    public void SameServiceAndSeed_WriteTheSameLog_AnotherSeedAnotherOne()
    {
        var service = StoredService.With(replicas: 1);

        var once = StoredService.Log(service, 1, Day);
        var again = StoredService.Log(service, 1, Day);
        var reseeded = StoredService.Log(service, 1, Day, new LogSettings { Seed = 2 });

        Assert.Equal(once, again);
        Assert.NotEqual(once.Skip(20).Take(50).Select(l => l.Message), reseeded.Skip(20).Take(50).Select(l => l.Message));
    }

    [Fact]
    public void PlainLine_IsPostgresFormat_WithEveryExtraLinePrefixed()
    {
        var line = new LogLine(new DateTime(2026, 1, 15, 9, 30, 0, 123, DateTimeKind.Utc), "ERROR", "division by zero\nSTATEMENT:  SELECT 1/0", 4242);
        var vacuum = line with { Severity = "LOG", Message = "automatic vacuum of table \"tsdb.public.t\": index scans: 0\n\tpages: 0 removed, 1 remain" };

        Assert.Equal("2026-01-15 09:30:00.123 UTC [4242] ERROR:  division by zero\n2026-01-15 09:30:00.123 UTC [4242] STATEMENT:  SELECT 1/0", line.ToText());
        Assert.Equal("2026-01-15 09:30:00.123 UTC [4242] LOG:  automatic vacuum of table \"tsdb.public.t\": index scans: 0\n\tpages: 0 removed, 1 remain", vacuum.ToText());
    }
}
