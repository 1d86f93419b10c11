using System.Net;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Contract;

/// The corpus refuses times that are not RFC 3339; these make sure every RFC 3339 spelling is still accepted,
/// including the nanosecond form Go clients write. The times name instants just after Emulator.Start, so each case
/// gets a fresh host, whose clock has not moved.
public sealed class TimestampFormatTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("2026-01-15T09:00:01Z")]
    [InlineData("2026-01-15T09:00:01.5Z")]
    [InlineData("2026-01-15T09:00:01.123456789Z")]
    [InlineData("2026-01-15T10:00:01+01:00")]
    [InlineData("2026-01-15T04:00:01.25-05:00")]
    [InlineData("2026-01-15t09:00:01z")]
    public async Task ForkTargetTime_InAnyRfc3339Spelling_IsAccepted(string targetTime)
    {
        await using var stage = await OperationStage.PrepareAsync("forkService", output, freshHost: true);
        var call = stage.ValidCall.WithBody(body => body["target_time"] = targetTime);

        var response = await stage.SendAsync(call);

        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{targetTime}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [InlineData("2026-01-15T09:30:00.999999999Z")]
    [InlineData("2026-01-15T10:30:00+01:00")]
    [InlineData("2026-01-15T04:30:00.5-05:00")]
    public async Task LogsUntil_InAnyRfc3339Spelling_MeansTheSameInstant(string until)
    {
        await using var stage = await OperationStage.PrepareAsync("getServiceLogs", output, freshHost: true);
        await stage.Factory.AdvanceAsync(TimeSpan.FromHours(1));
        var instant = DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture);

        var logs = await stage.Client.GetJsonAsync(stage.ValidCall.WithQuery("until", until).Path);
        var same = await stage.Client.GetJsonAsync(stage.ValidCall.WithQuery("until", instant.UtcDateTime.ToString("O")).Path);

        var entries = logs["entries"]!.AsArray();
        Assert.NotEmpty(entries);
        Assert.Equal(same.ToJsonString(), logs.ToJsonString());
        Assert.All(entries, entry => Assert.True((DateTimeOffset)entry!["timestamp"]! <= instant));
    }
}
