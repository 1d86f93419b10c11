using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TigerEmulator.Admin;
using TigerEmulator.Auth;
using TigerEmulator.Logs;
using TigerEmulator.Metrics;
using TigerEmulator.ReplicaSets;
using TigerEmulator.Services;
using TigerEmulator.Vpcs;

namespace TigerEmulator.Http;

/// Serialization code generated at build time for the contract's answers, the hot path of every client poll.
/// The options match the runtime ones in EmulatorSetup (web defaults, snake_case, nulls left out, the default encoder).
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ServiceBody))]
[JsonSerializable(typeof(IReadOnlyList<ServiceBody>))]
[JsonSerializable(typeof(List<ReplicaSetBody>))]
[JsonSerializable(typeof(ReplicaSetBody))]
[JsonSerializable(typeof(VpcBody))]
[JsonSerializable(typeof(VpcRenamedBody))]
[JsonSerializable(typeof(List<VpcBody>))]
[JsonSerializable(typeof(PeeringBody))]
[JsonSerializable(typeof(List<PeeringBody>))]
[JsonSerializable(typeof(MessageBody))]
[JsonSerializable(typeof(AuthInfoBody))]
[JsonSerializable(typeof(IReadOnlyList<ProjectSummaryBody>))]
[JsonSerializable(typeof(ServiceLogsBody))]
[JsonSerializable(typeof(TigerError))]
[JsonSerializable(typeof(IReadOnlyList<MetricSeriesBody>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
// Every endpoint with a filter asks for this one when it is built, at the first request; generated, it spares the cold
// start about 80 methods of the reflection resolver, though no time difference shows on two cores (bench/SPEED.md).
[JsonSerializable(typeof(object))]
internal sealed partial class ContractJson : JsonSerializerContext
{
    public static void Use(JsonSerializerOptions options) => _ = new EmulatorJson(options);
}

/// The HTTP layer's resolver: generated code for the contract's answers and the health check, reflection for the rest
/// of the control API.
/// System.Text.Json runs generated code on its fast path only when the options match the generated ones in everything
/// and their resolver is itself a context; a resolver chain, the usual way to mix the two, quietly loses that path
/// (measured: CanUseSerializeHandler stays false).
internal sealed class EmulatorJson(JsonSerializerOptions options) : JsonSerializerContext(options)
{
    private static readonly DefaultJsonTypeInfoResolver Reflection = new();

    // The runtime options are checked against these: the contract context's, as its attribute declares them.
    protected override JsonSerializerOptions GeneratedSerializerOptions => ContractJson.Default.Options;

    public override JsonTypeInfo? GetTypeInfo(Type type) =>
        ((IJsonTypeInfoResolver)ContractJson.Default).GetTypeInfo(type, Options)
        ?? ((IJsonTypeInfoResolver)AdminJson.Default).GetTypeInfo(type, Options)
        ?? Reflection.GetTypeInfo(type, Options);
}
