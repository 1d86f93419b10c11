using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace TigerEmulator.Testing;

// The control API (/_emulator) as methods: the journal, fault rules, the clock, transition overrides and scenarios.
public partial class TigerEmulatorFactory
{
    /// <summary>The journaled requests that pass the filter, newest first.</summary>
    public async Task<JsonArray> GetRequestsAsync(RequestFilter filter) =>
        await ControlClient().GetFromJsonAsync<JsonArray>("/_emulator/requests" + filter.Query(withLimit: true)) ?? [];

    /// <summary>How many journaled requests pass the filter (all of them without one).</summary>
    public async Task<int> CountRequestsAsync(RequestFilter? filter = null)
    {
        var body = await ControlClient().GetFromJsonAsync<JsonObject>("/_emulator/requests/count" + (filter ?? new()).Query(withLimit: false));
        return (int?)body?["count"] ?? 0;
    }

    /// <summary>Forgets every journaled request.</summary>
    public async Task ClearRequestsAsync() => (await ControlClient().DeleteAsync("/_emulator/requests")).EnsureSuccessStatusCode();

    /// <summary>Every fault rule in force, in evaluation order, with how often each matched and fired.</summary>
    public async Task<JsonArray> GetFaultsAsync() => await ControlClient().GetFromJsonAsync<JsonArray>("/_emulator/faults") ?? [];

    /// <summary>One fault rule by its id (with its match and fire counts), or null when there is none.</summary>
    public async Task<JsonObject?> GetFaultAsync(string id) =>
        (await GetFaultsAsync()).OfType<JsonObject>().FirstOrDefault(rule => (string?)rule["id"] == id);

    /// <summary>Removes one fault rule; false when there was none with that id.</summary>
    public async Task<bool> RemoveFaultAsync(string id)
    {
        var response = await ControlClient().DeleteAsync($"/_emulator/faults/{Uri.EscapeDataString(id)}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        response.EnsureSuccessStatusCode();
        return true;
    }

    /// <summary>
    /// Changes the clock through the control API: <paramref name="mode"/> <c>manual</c> or <c>realtime</c>,
    /// <paramref name="speed"/> (divides every duration), <paramref name="profile"/> (<c>instant</c>, <c>fast</c>,
    /// <c>realistic</c>). Returns the clock as the emulator then reports it.
    /// </summary>
    public async Task<JsonObject> SetClockAsync(string? mode = null, double? speed = null, string? profile = null)
    {
        var response = await ControlClient().PutAsJsonAsync("/_emulator/clock", new { mode, speed, profile });
        return await ReadAsync(response);
    }

    /// <summary>Makes each step of one action of the transition table take <paramref name="perStep"/>.</summary>
    public async Task OverrideTransitionAsync(string kind, string action, TimeSpan perStep) =>
        await ReadAsync(await ControlClient().PutAsJsonAsync($"/_emulator/transitions/{kind}/{action}", new { seconds = perStep.TotalSeconds }));

    /// <summary>Holds each step of one action until the clock is advanced.</summary>
    public async Task HoldTransitionAsync(string kind, string action) =>
        await ReadAsync(await ControlClient().PutAsJsonAsync($"/_emulator/transitions/{kind}/{action}", new { manual = true }));

    /// <summary>Removes every transition override: the timing profile decides again.</summary>
    public async Task ClearTransitionOverridesAsync() => (await ControlClient().DeleteAsync("/_emulator/transitions")).EnsureSuccessStatusCode();

    /// <summary>Loads a scenario given as its YAML (or JSON) text, replacing the current state.</summary>
    public async Task LoadScenarioTextAsync(string scenario) =>
        await ReadAsync(await ControlClient().PostAsync("/_emulator/scenario", new StringContent(scenario, Encoding.UTF8, "application/yaml")));

    /// <summary>
    /// Polls a service as the Tiger CLI does (once a second) until its status is <paramref name="status"/>, and returns
    /// it. On the test clock each poll moves emulated time one second, up to <paramref name="within"/> (default 30
    /// minutes, the CLI's limit); on the system clock it waits in real time, up to <paramref name="within"/> (default
    /// 30 seconds). Throws a <see cref="TimeoutException"/> naming the last status seen.
    /// </summary>
    public async Task<JsonObject> WaitForStatusAsync(string serviceId, string status, TimeSpan? within = null)
    {
        var client = CreateTigerClient();
        var limit = within ?? (settings.SystemClock ? TimeSpan.FromSeconds(30) : TimeSpan.FromMinutes(30));
        var waited = TimeSpan.Zero;
        string? last = null;
        while (true)
        {
            var response = await client.GetAsync($"projects/{settings.ProjectId}/services/{Uri.EscapeDataString(serviceId)}");
            var service = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
            last = (string?)service?["status"] ?? $"HTTP {(int)response.StatusCode}";
            if (last == status)
            {
                return service!;
            }

            if (waited >= limit)
            {
                throw new TimeoutException($"service {serviceId} was still {last}, not {status}, after {limit}");
            }

            var step = settings.SystemClock ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1);
            await (settings.SystemClock ? Task.Delay(step) : AdvanceAsync(step));
            waited += step;
        }
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"the emulator answered {(int)response.StatusCode}: {text}", null, response.StatusCode);
        }

        return JsonNode.Parse(text) as JsonObject ?? [];
    }
}
