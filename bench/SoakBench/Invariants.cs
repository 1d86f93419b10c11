namespace TigerEmulator.Bench;

/// What must hold after the soak, read through the API: every listed service reads back, its VPC (if any) exists and
/// its replica sets list; every VPC's peerings list and belong to it.
internal sealed class Invariants(SoakClient api)
{
    private const string P = SoakClient.Project;

    public async Task<List<string>> CheckAsync()
    {
        var violations = new List<string>();
        var vpcList = (await api.SendAsync(HttpMethod.Get, $"{P}/vpcs")).Body?.AsArray() ?? [];
        var vpcIds = vpcList.Select(v => (string?)v?["id"]).OfType<string>().ToHashSet();
        foreach (var vpc in vpcIds)
        {
            var (status, peerings) = await api.SendAsync(HttpMethod.Get, $"{P}/vpcs/{vpc}/peerings");
            if (status != 200 || peerings?.AsArray().Any(p => (string?)p?["vpc_id"] is { } owner && owner != vpc) == true)
            {
                violations.Add($"VPC {vpc}: peerings answer {status}");
            }
        }

        var serviceList = (await api.SendAsync(HttpMethod.Get, $"{P}/services")).Body?.AsArray() ?? [];
        foreach (var service in serviceList)
        {
            var id = (string?)service?["service_id"];
            var (status, body) = await api.SendAsync(HttpMethod.Get, $"{P}/services/{id}");
            if (status is not (200 or 404))
            {
                violations.Add($"service {id}: GET answers {status}");
            }

            // The private endpoint's host is "<service>.<vpc>.vpc.<domain>".
            if (((string?)body?["vpcEndpoint"]?["host"])?.Split('.') is [_, var vpc, "vpc", ..] && !vpcIds.Contains(vpc))
            {
                violations.Add($"service {id} is attached to VPC {vpc}, which no list shows");
            }

            var (setsStatus, _) = await api.SendAsync(HttpMethod.Get, $"{P}/services/{id}/replicaSets");
            if (setsStatus is not (200 or 404))
            {
                violations.Add($"service {id}: replica sets answer {setsStatus}");
            }
        }

        return violations;
    }
}
