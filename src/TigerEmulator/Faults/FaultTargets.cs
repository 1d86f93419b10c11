namespace TigerEmulator.Faults;

/// Describes a request the way rules match it: operationId from the endpoint's name, and the ids in its route.
public static class FaultTargets
{
    public static FaultTarget Of(HttpContext http)
    {
        var routeValues = http.Request.RouteValues;
        var resources = routeValues
            .Where(pair => pair.Key.EndsWith("_id", StringComparison.Ordinal) && pair.Key != "project_id" && pair.Value is string)
            .Select(pair => (string)pair.Value!)
            .ToList();
        return new FaultTarget(
            http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName,
            http.Request.Method,
            http.Request.Path.Value,
            routeValues.TryGetValue("project_id", out var project) ? project as string : null,
            resources);
    }
}
