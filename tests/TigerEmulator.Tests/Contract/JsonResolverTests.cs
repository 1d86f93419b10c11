using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TigerEmulator.Http;
using TigerEmulator.Services;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Contract;

/// The HTTP layer's JSON comes from code generated at build time wherever a request's path or the first request of a
/// test host needs it; reflection, which the control API still falls back to, costs its setup on first use.
public sealed class JsonResolverTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(typeof(object))] // asked for by every endpoint with a filter, when the endpoints are built
    [InlineData(typeof(ServiceBody))]
    [InlineData(typeof(TigerError))]
    public void HttpJson_ResolvesFromGeneratedCode(Type type)
    {
        using var factory = Emulator.Create(output);
        var options = factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        var info = options.GetTypeInfo(type);

        Assert.IsAssignableFrom<JsonSerializerContext>(info.OriginatingResolver);
    }
}
