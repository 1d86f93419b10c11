using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace TigerEmulator.Http;

/// An HTTP status paired with its Tiger error body. Built only through <see cref="Errors"/>.
public sealed class ErrorResult : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<TigerError>, IEndpointMetadataProvider
{
    internal ErrorResult(int statusCode, TigerError error)
    {
        StatusCode = statusCode;
        Value = error;
    }

    public int StatusCode { get; }

    public TigerError Value { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    object? IValueHttpResult.Value => Value;

    public Task ExecuteAsync(HttpContext httpContext) => ErrorWriter.WriteAsync(httpContext, this);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(400, typeof(TigerError), ["application/json"]));
}
