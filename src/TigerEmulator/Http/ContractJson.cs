using System.Text.Json;
using System.Text.Json.Serialization;
using TigerEmulator.Auth;
using TigerEmulator.Logs;
using TigerEmulator.ReplicaSets;
using TigerEmulator.Services;
using TigerEmulator.Vpcs;

namespace TigerEmulator.Http;

/// Serialization code generated at build time for the contract's answers, the hot path of every client poll.
/// The naming matches the runtime options in EmulatorSetup; other types fall back to reflection.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ServiceBody))]
[JsonSerializable(typeof(IReadOnlyList<ServiceBody>))]
[JsonSerializable(typeof(List<ReplicaSetBody>))]
[JsonSerializable(typeof(ReplicaSetBody))]
[JsonSerializable(typeof(VpcBody))]
[JsonSerializable(typeof(List<VpcBody>))]
[JsonSerializable(typeof(PeeringBody))]
[JsonSerializable(typeof(List<PeeringBody>))]
[JsonSerializable(typeof(MessageBody))]
[JsonSerializable(typeof(AuthInfoBody))]
[JsonSerializable(typeof(ServiceLogsBody))]
[JsonSerializable(typeof(TigerError))]
internal sealed partial class ContractJson : JsonSerializerContext
{
    public static void Use(JsonSerializerOptions options) => options.TypeInfoResolverChain.Insert(0, Default);
}
