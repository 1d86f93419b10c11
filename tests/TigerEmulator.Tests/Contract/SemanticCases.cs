namespace TigerEmulator.Tests.Contract;

/// The hand-written rules: each asserts the exact status, code and a message naming the field or the clash.
public static class SemanticCases
{
    public static IEnumerable<BadInputCase> All() =>
        NameAndNetworkCases.All()
            .Concat(SizeAndCountCases.All())
            .Concat(ServiceRuleCases.All())
            .Concat(ConflictCases.All())
            .Concat(MetricsCases.All())
            .Concat(LogFilterCases.All());
}
