using Xunit.Abstractions;

namespace TigerEmulator.Tests.Contract;

/// One wrong call: how it spoils the operation's valid call, and the refusal it must earn.
/// <paramref name="Seeded"/> false runs it against an empty emulator with the contract's example ids.
public sealed record BadInputCase(
    string Name,
    string OperationId,
    Func<OperationStage, ContractCall, Task<ContractCall>> Spoil,
    ExpectedError Expected,
    bool Seeded = true)
{
    /// Anything else the refusal owes the client beyond its Error body, such as the Allow header of a 405.
    public Action<HttpResponseMessage>? AlsoAssert { get; init; }

    public static BadInputCase Of(string operationId, string what, Func<ContractCall, ContractCall> spoil, ExpectedError expected, bool seeded = true) =>
        new($"{operationId}: {what}", operationId, (_, call) => Task.FromResult(spoil(call)), expected, seeded);

    public static BadInputCase OfBody(string operationId, string what, Action<System.Text.Json.Nodes.JsonObject> change, ExpectedError expected) =>
        Of(operationId, what, call => call.WithBody(change), expected);

    /// Runs the case on its operation's emulator, just reset, and checks the answer; returns the error for logging.
    public async Task<TigerErrorBody> RunAsync(ITestOutputHelper output)
    {
        await using var stage = Seeded ? await OperationStage.PrepareAsync(OperationId, output) : await OperationStage.UnseededAsync(OperationId, output);
        var call = await Spoil(stage, stage.ValidCall);
        var response = await stage.SendAsync(call);
        var error = await TigerErrorBody.ReadAsync(response, $"{Name} ({call})");
        Expected.AssertMatches(error, $"{Name} ({call})");
        AlsoAssert?.Invoke(response);
        return error;
    }

    public override string ToString() => Name;
}
