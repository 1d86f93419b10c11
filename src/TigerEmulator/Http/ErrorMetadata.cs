using Microsoft.AspNetCore.Http.Metadata;

namespace TigerEmulator.Http;

/// Declares, endpoint by endpoint, which Tiger errors it can answer, so that the control API's OpenAPI document lists
/// its real statuses. An <see cref="ErrorResult"/> in a handler's Results cannot tell: the same type carries every status.
public static class ErrorMetadata
{
    public static TBuilder ProducesError<TBuilder>(this TBuilder builder, params int[] statuses)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint => endpoint.ProducesError(statuses));
        return builder;
    }

    public static void ProducesError(this EndpointBuilder endpoint, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(TigerError), ["application/json"]));
        }
    }
}
