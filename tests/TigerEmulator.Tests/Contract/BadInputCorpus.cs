namespace TigerEmulator.Tests.Contract;

/// Every bad call the tests make, by family, each generated from both contract revisions except the hand-written
/// semantic rules. A case both revisions generate alike (same operation, same name) runs once.
public static class BadInputCorpus
{
    /// Each operation as each revision describes it, newest first.
    private static IEnumerable<ContractOperation> Described => OpenApiContract.Revisions.SelectMany(revision => revision.Operations);

    private static IEnumerable<ContractOperation> WithBody => Described.Where(operation => operation.RequestSchema is not null);

    public static CaseTable BodyFields { get; } = new(() => WithBody.SelectMany(FieldCases.For));

    public static CaseTable BodyConstraints { get; } = new(() => WithBody.SelectMany(ConstraintCases.For));

    public static CaseTable BodyShapes { get; } = new(() => WithBody.SelectMany(BodyShapeCases.For));

    public static CaseTable UnknownIds { get; } = new(() => Described.SelectMany(PathAndQueryCases.UnknownIds));

    public static CaseTable QueryTypes { get; } = new(() => Described.SelectMany(PathAndQueryCases.WrongQueryTypes));

    public static CaseTable WrongMethods { get; } = new(PathAndQueryCases.WrongMethods);

    public static CaseTable SemanticRules { get; } = new(SemanticCases.All);

    public static CaseTable Unauthenticated { get; } = new(AuthCases.Unauthenticated);

    public static CaseTable ForeignProject { get; } = new(AuthCases.ForeignProject);

    public static IReadOnlyList<(string Family, CaseTable Cases)> Generated { get; } =
    [
        ("body fields", BodyFields),
        ("body constraints", BodyConstraints),
        ("body shapes", BodyShapes),
        ("unknown ids", UnknownIds),
        ("query types", QueryTypes),
        ("wrong methods", WrongMethods),
    ];

    public static IReadOnlyList<(string Family, CaseTable Cases)> All { get; } =
    [
        .. Generated,
        ("semantic rules", SemanticRules),
        ("without valid credentials", Unauthenticated),
        ("on a foreign project", ForeignProject),
    ];
}
