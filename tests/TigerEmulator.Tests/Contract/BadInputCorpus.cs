namespace TigerEmulator.Tests.Contract;

/// Every bad call the tests make, by family, each generated from openapi.yml except the hand-written semantic rules.
public static class BadInputCorpus
{
    private static IEnumerable<ContractOperation> WithBody => OpenApiContract.Operations.Where(operation => operation.RequestSchema is not null);

    public static CaseTable BodyFields { get; } = new(() => WithBody.SelectMany(FieldCases.For));

    public static CaseTable BodyShapes { get; } = new(() => WithBody.SelectMany(BodyShapeCases.For));

    public static CaseTable UnknownIds { get; } = new(() => OpenApiContract.Operations.SelectMany(PathAndQueryCases.UnknownIds));

    public static CaseTable QueryTypes { get; } = new(() => OpenApiContract.Operations.SelectMany(PathAndQueryCases.WrongQueryTypes));

    public static CaseTable WrongMethods { get; } = new(PathAndQueryCases.WrongMethods);

    public static CaseTable SemanticRules { get; } = new(SemanticCases.All);

    public static CaseTable Unauthenticated { get; } = new(AuthCases.Unauthenticated);

    public static CaseTable ForeignProject { get; } = new(AuthCases.ForeignProject);

    public static IReadOnlyList<(string Family, CaseTable Cases)> Generated { get; } =
    [
        ("body fields", BodyFields),
        ("body shapes", BodyShapes),
        ("unknown ids", UnknownIds),
        ("query types", QueryTypes),
        ("wrong methods", WrongMethods),
    ];
}
