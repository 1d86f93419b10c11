using System.Text.Json;
using System.Text.Json.Serialization;

namespace TigerEmulator.Admin;

/// Serialization code generated at build time for the health answer: it is the first request of nearly every test
/// host and container health check, and reflection-based serialization made that request pay for its setup.
/// The options match the runtime ones in EmulatorSetup; EmulatorJson serves it.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HealthBody))]
internal sealed partial class AdminJson : JsonSerializerContext;
