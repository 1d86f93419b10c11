using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace TigerEmulator.Tests.Contract;

/// One revision of the contract, parsed once: the tests are driven by both files, the repository's openapi.yml (older)
/// and src/TigerEmulator/Contract/openapi-latest.yml (the revision the current Tiger CLI is generated from).
public sealed class OpenApiContract
{
    private readonly Lazy<OpenApiDocument> document;
    private readonly Lazy<IReadOnlyList<ContractOperation>> operations;

    private OpenApiContract(string name, string fileName)
    {
        Name = name;
        FileName = fileName;
        document = new(Load);
        operations = new(() => Document.Paths
            .SelectMany(path => path.Value.Operations!.Select(entry => new ContractOperation(path.Key, entry.Key, entry.Value, this)))
            .OrderBy(operation => operation.OperationId, StringComparer.Ordinal)
            .ToList());
    }

    public static OpenApiContract Older { get; } = new("older", "openapi.yml");

    public static OpenApiContract Latest { get; } = new("latest", "openapi-latest.yml");

    /// Newest first: where the revisions describe one operation differently, the newer description builds the valid call.
    public static IReadOnlyList<OpenApiContract> Revisions { get; } = [Latest, Older];

    /// Every operation either revision documents, once, in the newer revision's description where both have it.
    public static IReadOnlyList<ContractOperation> AllOperations => LazyAllOperations.Value;

    // Declared after the revisions: static fields start in the order they are written.
    private static readonly Lazy<IReadOnlyList<ContractOperation>> LazyAllOperations = new(() =>
        Revisions.SelectMany(revision => revision.Operations)
            .DistinctBy(operation => operation.OperationId)
            .OrderBy(operation => operation.OperationId, StringComparer.Ordinal)
            .ToList());

    public string Name { get; }

    public string FileName { get; }

    public OpenApiDocument Document => document.Value;

    public IReadOnlyList<ContractOperation> Operations => operations.Value;

    public static OpenApiContract Named(string name) =>
        Revisions.SingleOrDefault(revision => revision.Name == name) ?? throw new ArgumentException($"no contract revision '{name}'", nameof(name));

    /// The operation as the newest revision that has it describes it.
    public static ContractOperation Operation(string operationId) =>
        AllOperations.SingleOrDefault(operation => operation.OperationId == operationId)
        ?? throw new ArgumentException($"neither contract revision has an operation '{operationId}'", nameof(operationId));

    /// The revisions that document an operation.
    public static IEnumerable<OpenApiContract> Having(string operationId) => Revisions.Where(revision => revision.TryFind(operationId) is not null);

    /// One xunit row per operation of each revision ("latest", "getProjects"), so the runner names both.
    public static TheoryData<string, string> RevisionOperationIds(Func<ContractOperation, bool>? where = null)
    {
        var rows = new TheoryData<string, string>();
        foreach (var revision in Revisions)
        {
            foreach (var operation in revision.Operations.Where(where ?? (_ => true)))
            {
                rows.Add(revision.Name, operation.OperationId);
            }
        }

        return rows;
    }

    public ContractOperation? TryFind(string operationId) => Operations.SingleOrDefault(operation => operation.OperationId == operationId);

    public ContractOperation Find(string operationId) =>
        TryFind(operationId) ?? throw new ArgumentException($"{FileName} has no operation '{operationId}'", nameof(operationId));

    /// The operationId lines of the raw file, counted without the parser, so that an operation it skips is noticed.
    public int OperationIdLines() =>
        File.ReadLines(FilePath).Count(line => line.TrimStart().StartsWith("operationId:", StringComparison.Ordinal));

    public override string ToString() => FileName;

    private string FilePath => Path.Combine(AppContext.BaseDirectory, FileName);

    private OpenApiDocument Load()
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
