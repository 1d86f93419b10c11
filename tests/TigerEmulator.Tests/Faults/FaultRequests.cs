using System.Net;
using System.Text.Json.Nodes;
using TigerEmulator.Tests.Support;

namespace TigerEmulator.Tests.Faults;

/// Adding rules through the control API, as a test suite would.
internal static class FaultRequests
{
    public static async Task<JsonNode> AddFaultAsync(this HttpClient client, object rule)
    {
        var response = await client.PostAsync("/_emulator/faults", Api.Json(rule));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"adding {Api.Json(rule).ReadAsStringAsync().Result}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static async Task<List<int>> StatusesAsync(this HttpClient client, string path, int count)
    {
        var statuses = new List<int>();
        for (var i = 0; i < count; i++)
        {
            statuses.Add((int)(await client.GetAsync(path)).StatusCode);
        }

        return statuses;
    }

    public static List<int> IndicesOf(this List<int> statuses, int status) =>
        statuses.Select((value, index) => (value, index)).Where(pair => pair.value == status).Select(pair => pair.index).ToList();
}
