using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TigerEmulator.LogsBench;

/// Writes a body as the API does: with the serializer options the emulator registers (source-generated contract types
/// included), into a buffer that is reused like Kestrel's pooled response pipe, so that the bench counts what the server
/// allocates and not a fresh byte array per page.
public sealed class ApiJson
{
    private readonly JsonSerializerOptions options = new ServiceCollection()
        .AddEmulator(new ConfigurationBuilder().Build())
        .BuildServiceProvider()
        .GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    private readonly ArrayBufferWriter<byte> buffer = new(256 * 1024);
    private readonly Utf8JsonWriter writer;

    public ApiJson() => writer = new Utf8JsonWriter(buffer);

    public int Write<T>(T body)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, body, options);
        writer.Flush();
        return buffer.WrittenCount;
    }
}
