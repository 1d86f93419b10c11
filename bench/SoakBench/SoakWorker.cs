namespace TigerEmulator.Bench;

/// One of the 64 clients: keeps a few resources of its own and calls a random operation of the contract on them (or on
/// a resource that is gone, which must be a 4xx) until the time is up.
internal sealed class SoakWorker(SoakClient api, int number)
{
    private const string P = SoakClient.Project;

    private readonly Random random = new(number);
    private readonly List<string> services = [];
    private readonly List<string> vpcs = [];
    private readonly List<(string Vpc, string Peering)> peerings = [];
    private readonly List<(string Service, string Set)> sets = [];

    public async Task RunAsync(DateTime until)
    {
        while (DateTime.UtcNow < until)
        {
            try
            {
                await OneAsync();
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // A timeout or a refused connection: counted by what the server answered meanwhile; the run goes on.
            }
        }
    }

    private async Task OneAsync()
    {
        var service = Pick(services);
        var vpc = Pick(vpcs);
        switch (random.Next(24))
        {
            case 0 or 1:
                Keep(services, await api.SendAsync(HttpMethod.Post, $"{P}/services", new { name = $"soak-{number}" }, "createService"), "service_id");
                break;
            case 2:
                await api.SendAsync(HttpMethod.Get, $"{P}/services", operation: "getServices");
                break;
            case 3:
                await api.SendAsync(HttpMethod.Get, $"{P}/services/{service}", operation: "getService");
                break;
            case 4:
                await api.SendAsync(HttpMethod.Post, $"{P}/services/{service}/{(random.Next(2) == 0 ? "stop" : "start")}", operation: "stop/start");
                break;
            case 5:
                await api.SendAsync(HttpMethod.Post, $"{P}/services/{service}/resize", new { cpu_millis = "1000", memory_gbs = "4" }, "resizeService");
                break;
            case 6:
                await api.SendAsync(HttpMethod.Post, $"{P}/services/{service}/setHA", new { replica_count = random.Next(3) }, "setHA");
                break;
            case 7:
                await api.SendAsync(HttpMethod.Post, $"{P}/services/{service}/{(random.Next(2) == 0 ? "enablePooler" : "disablePooler")}", operation: "pooler");
                break;
            case 8:
                await api.SendAsync(HttpMethod.Post, $"{P}/services/{service}/setEnvironment", new { environment = "DEV" }, "setEnvironment");
                break;
            case 9:
                await api.SendAsync(HttpMethod.Post, $"{P}/services/{service}/updatePassword", new { password = "soak-password-1" }, "updatePassword");
                break;
            case 10:
                Keep(services, await api.SendAsync(HttpMethod.Post, $"{P}/services/{service}/forkService", new { name = "fork" }, "forkService"), "service_id");
                break;
            case 11:
                var set = await api.SendAsync(HttpMethod.Post, $"{P}/services/{service}/replicaSets", new { name = "r", nodes = 1, cpu_millis = 2000, memory_gbs = 8 }, "createReplicaSet");
                if (set.Status == 202 && (string?)set.Body?["id"] is { } setId)
                {
                    sets.Add((service, setId));
                }

                break;
            case 12:
                await api.SendAsync(HttpMethod.Get, $"{P}/services/{service}/replicaSets", operation: "getReplicaSets");
                break;
            case 13 when sets.Count > 0:
                var (owner, id) = sets[random.Next(sets.Count)];
                await api.SendAsync(HttpMethod.Delete, $"{P}/services/{owner}/replicaSets/{id}", operation: "deleteReplicaSet");
                break;
            case 14:
                Keep(vpcs, await api.SendAsync(HttpMethod.Post, $"{P}/vpcs", new { name = "v", cidr = "10.0.0.0/16", region_code = "us-east-1" }, "createVPC"), "id");
                break;
            case 15:
                await api.SendAsync(HttpMethod.Post, $"{P}/vpcs/{vpc}/rename", new { name = "renamed" }, "renameVPC");
                break;
            case 16:
                var peering = await api.SendAsync(HttpMethod.Post, $"{P}/vpcs/{vpc}/peerings", new { peer_account_id = "a", peer_region_code = "us-east-1", peer_vpc_id = "v" }, "createPeering");
                if (peering.Status == 201 && (string?)peering.Body?["id"] is { } peeringId)
                {
                    peerings.Add((vpc, peeringId));
                }

                break;
            case 17 when peerings.Count > 0:
                var (peeringVpc, gone) = peerings[random.Next(peerings.Count)];
                await api.SendAsync(HttpMethod.Delete, $"{P}/vpcs/{peeringVpc}/peerings/{gone}", operation: "deletePeering");
                break;
            case 18:
                await api.SendAsync(HttpMethod.Post, $"{P}/services/{service}/attachToVPC", new { vpc_id = vpc }, "attachToVPC");
                break;
            case 19:
                await api.SendAsync(HttpMethod.Post, $"{P}/services/{service}/detachFromVPC", new { vpc_id = vpc }, "detachFromVPC");
                break;
            case 20:
                await api.SendAsync(HttpMethod.Delete, $"{P}/vpcs/{vpc}", operation: "deleteVPC");
                break;
            case 21:
                await api.SendAsync(HttpMethod.Delete, $"{P}/services/{service}", operation: "deleteService");
                break;
            case 22:
                await api.SendAsync(HttpMethod.Get, $"{P}/services/{service}/logs", operation: "getServiceLogs");
                break;
            default:
                await api.SendAsync(HttpMethod.Get, "/public/api/v1/auth/info", operation: "getAuthInfo");
                break;
        }
    }

    private string Pick(List<string> ids) => ids.Count == 0 ? "nosuchid" : ids[random.Next(ids.Count)];

    private static void Keep(List<string> ids, (int Status, System.Text.Json.Nodes.JsonNode? Body) answer, string field)
    {
        if (answer.Status is 201 or 202 && (string?)answer.Body?[field] is { } id)
        {
            ids.Add(id);
            if (ids.Count > 20)
            {
                ids.RemoveAt(0);
            }
        }
    }
}
