using System.Net;
using System.Text.Json.Nodes;

namespace TigerEmulator.Tests.Support;

/// Builds resources step by step through the public API, the way a test scenario reads.
public sealed class ResourcePaths(EmulatorFactory factory, HttpClient client)
{
    public EmulatorFactory Factory => factory;

    public string Project => Api.Project(factory.ProjectId);

    public async Task<string> ReadyServiceAsync(object? body = null)
    {
        var id = (string)(await client.CreateServiceAsync(factory.ProjectId, body))["service_id"]!;
        await factory.AdvanceAsync(TimeSpan.FromSeconds(4));
        Assert.Equal("READY", await StatusAsync(Service(id)));
        return id;
    }

    public async Task<string> VpcAsync(string region = "us-east-1")
    {
        var response = await client.PostAsync($"{Project}/vpcs", Api.Json(new { name = "vpc-" + region, cidr = "10.0.0.0/16", region_code = region }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadJsonAsync())["id"]!;
    }

    public async Task<string> ReplicaSetAsync(string serviceId)
    {
        var response = await client.PostAsync($"{Service(serviceId)}/replicaSets", Api.Json(new { name = "reporting", nodes = 1, cpu_millis = 500, memory_gbs = 2 }));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (string)(await response.ReadJsonAsync())["id"]!;
    }

    public string Service(string id) => $"{Project}/services/{id}";

    public async Task<string?> StatusAsync(string path)
    {
        var response = await client.GetAsync(path);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string?)(await response.ReadJsonAsync())["status"];
    }

    public async Task<string?> ReplicaSetStatusAsync(string serviceId, string setId)
    {
        var sets = (await client.GetJsonAsync($"{Service(serviceId)}/replicaSets")).AsArray();
        return sets.FirstOrDefault(s => (string?)s!["id"] == setId) is JsonNode set ? (string?)set["status"] : null;
    }
}
