using System.Text;
using TigerEmulator;

namespace TigerEmulator.Tests.Contract;

/// Every operation called without valid credentials (401), and every project-scoped one on a foreign project (403).
public static class AuthCases
{
    public const string ForeignProjectId = "foreignproject";

    public static readonly string DefaultAuthorization = Basic($"{EmulatorOptions.DefaultPublicKey}:{EmulatorOptions.DefaultSecretKey}");

    private static readonly (string Label, string? Header)[] BadCredentials =
    [
        ("no Authorization header", null),
        ("Basic !!!", "Basic !!!"),
        ("Bearer x", "Bearer x"),
        ("a wrong secret", Basic($"{EmulatorOptions.DefaultPublicKey}:wrong-secret")),
        ("an unknown public key", Basic($"unknown-public-key:{EmulatorOptions.DefaultSecretKey}")),
        ("a Basic pair without a colon", Basic(EmulatorOptions.DefaultPublicKey)),
        ("a Basic pair with an empty secret", Basic($"{EmulatorOptions.DefaultPublicKey}:")),
        ("the scheme alone", "Basic"),
    ];

    public static IEnumerable<BadInputCase> Unauthenticated() =>
        from operation in OpenApiContract.AllOperations
        from credentials in BadCredentials
        select BadInputCase.Of(
            operation.OperationId,
            $"with {credentials.Label}",
            call => call with { Authorization = credentials.Header },
            new ExpectedError(401, "UNAUTHORIZED", null),
            seeded: false);

    public static IEnumerable<BadInputCase> ForeignProject() =>
        OpenApiContract.AllOperations
            .Where(operation => operation.IsProjectScoped)
            .Select(operation => BadInputCase.Of(
                operation.OperationId,
                "on a foreign project",
                call => call.WithId("project_id", ForeignProjectId),
                new ExpectedError(403, "FORBIDDEN", ForeignProjectId),
                seeded: false));

    private static string Basic(string pair) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(pair));
}
