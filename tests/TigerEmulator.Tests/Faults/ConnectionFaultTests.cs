using System.Diagnostics;
using System.Net;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Faults;

/// Each request effect through a real socket. Waits are the faults' own latencies, a few tens of milliseconds.
public sealed class ConnectionFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Error_OverRealSocket_AnswersTheStatusWithErrorBodyAndRetryAfter()
    {
        using var factory = Emulator.Create(output);
        var client = RealSocket.StartAuthenticated(factory);
        await client.AddFaultAsync(new { operation = "getServices", status = 429, message = "Slow down", retry_after = 7 });

        var response = await client.GetAsync($"{Api.Project(factory.ProjectId)}/services");

        await response.AssertErrorAsync(HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS", "Slow down");
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
    }

    [Theory]
    [InlineData("""{"effect": "latency", "ms": 40}""", 40)]
    [InlineData("""{"effect": "latency", "distribution": "uniform", "min_ms": 30, "max_ms": 50}""", 30)]
    [InlineData("""{"effect": "latency", "distribution": "lognormal", "median_ms": 35, "sigma": 0}""", 35)]
    public async Task Latency_DelaysTheNormalAnswer(string rule, int atLeastMs)
    {
        using var factory = Emulator.Create(output);
        var client = RealSocket.StartAuthenticated(factory);
        await client.PostAsync("/_emulator/faults", Api.Json(rule));

        var watch = Stopwatch.StartNew();
        var response = await client.GetAsync($"{Api.Project(factory.ProjectId)}/services");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.ElapsedMilliseconds >= atLeastMs, $"answered after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Drop_ClosesTheConnectionWithoutResponse_AndTheHandlerNeverRuns()
    {
        using var factory = Emulator.Create(output);
        var client = RealSocket.StartAuthenticated(factory);
        await client.AddFaultAsync(new { operation = "createService", effect = "drop", times = 1 });
        var services = $"{Api.Project(factory.ProjectId)}/services";

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(services, Api.Json(new { name = "db" })));

        Assert.Empty((await client.GetJsonAsync(services)).AsArray());
    }

    [Fact]
    public async Task Truncate_DeclaresTheFullLengthSendsHalfAndCloses_AfterTheChangeHappened()
    {
        using var factory = Emulator.Create(output);
        var client = RealSocket.StartAuthenticated(factory);
        await client.AddFaultAsync(new { operation = "createService", effect = "truncate", times = 1 });
        var services = $"{Api.Project(factory.ProjectId)}/services";

        using var request = new HttpRequestMessage(HttpMethod.Post, services) { Content = Api.Json(new { name = "db" }) };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var declared = response.Content.Headers.ContentLength ?? 0;
        Assert.True(declared > 100, $"Content-Length {declared}");
        var stream = await response.Content.ReadAsStreamAsync();
        var received = 0;
        var ended = await Assert.ThrowsAsync<HttpIOException>(async () =>
        {
            var buffer = new byte[4096];
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                received += read;
            }
        });
        Assert.Equal(HttpRequestError.ResponseEnded, ended.HttpRequestError);
        Assert.Equal(declared / 2, received);

        Assert.Single((await client.GetJsonAsync(services)).AsArray());
    }

    [Fact]
    public async Task Hang_AnswersNothingForItsBound_ThenCloses()
    {
        using var factory = Emulator.Create(output);
        var client = RealSocket.StartAuthenticated(factory);
        await client.AddFaultAsync(new { operation = "getVPCs", effect = "hang", ms = 60 });

        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"{Api.Project(factory.ProjectId)}/vpcs"));

        Assert.True(watch.ElapsedMilliseconds >= 60, $"closed after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Hang_LongerThanTheClientTimeout_EndsInTheClientTimeout()
    {
        using var factory = Emulator.Create(output);
        var client = RealSocket.StartAuthenticated(factory, timeout: TimeSpan.FromMilliseconds(50));
        var admin = factory.CreateClient();
        await admin.AddFaultAsync(new { operation = "getVPCs", effect = "hang", ms = 5000 });

        await Assert.ThrowsAsync<TaskCanceledException>(() => client.GetAsync($"{Api.Project(factory.ProjectId)}/vpcs"));
    }
}
