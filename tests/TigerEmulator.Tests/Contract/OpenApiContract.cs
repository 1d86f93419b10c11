using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace TigerEmulator.Tests.Contract;

/// The repository's openapi.yml, parsed once: the single source of the operations these tests exercise.
public static class OpenApiContract
{
    private static readonly Lazy<OpenApiDocument> LazyDocument = new(Load);

    private static readonly Lazy<IReadOnlyList<ContractOperation>> LazyOperations = new(() =>
        Document.Paths
            .SelectMany(path => path.Value.Operations!.Select(entry => new ContractOperation(path.Key, entry.Key, entry.Value)))
            .OrderBy(operation => operation.OperationId, StringComparer.Ordinal)
            .ToList());

    public static OpenApiDocument Document => LazyDocument.Value;

    public static IReadOnlyList<ContractOperation> Operations => LazyOperations.Value;

    public static ContractOperation Find(string operationId) =>
        Operations.SingleOrDefault(operation => operation.OperationId == operationId)
        ?? throw new ArgumentException($"openapi.yml has no operation '{operationId}'", nameof(operationId));

    /// One xunit row per operation id, so that the runner lists every operation of the contract by name.
    public static TheoryData<string> OperationIds() => new(Operations.Select(operation => operation.OperationId));

    /// The operationId lines of the raw file, counted without the parser, so that an operation it skips is noticed.
    public static int OperationIdLines() =>
        File.ReadLines(FilePath).Count(line => line.TrimStart().StartsWith("operationId:", StringComparison.Ordinal));

    private static string FilePath => Path.Combine(AppContext.BaseDirectory, "openapi.yml");

    private static OpenApiDocument Load()
    {
        var path = FilePath;
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        using var stream = new MemoryStream(File.ReadAllBytes(path));
        var result = OpenApiDocument.Load(stream, "yaml", settings);
        var errors = result.Diagnostic?.Errors ?? [];
        if (result.Document is null || errors.Count > 0)
        {
            throw new InvalidOperationException($"{path} does not parse: {string.Join("; ", errors.Select(e => $"{e.Pointer}: {e.Message}"))}");
        }

        return result.Document;
    }
}
