namespace TigerEmulator.Tests.Contract;

/// Hand-written rules on the newer revision's log filters, beyond the empty and blank items the schema gives
/// (PathAndQueryCases): a severity PostgreSQL does not have, and a filter the cursor was not issued for.
/// (Served from branch i13-logfilter.)
public static class LogFilterCases
{
    private const string Operation = "getServiceLogs";

    public static IEnumerable<BadInputCase> All()
    {
        yield return BadInputCase.Of(Operation, "severities=LOUD", call => call.WithQuery("severities", "LOUD"), ExpectedError.Invalid("LOUD"));
        yield return BadInputCase.Of(Operation, "severities=ERROR&severities=LOUD", call => call.WithQuery("severities", "ERROR", "LOUD"), ExpectedError.Invalid("LOUD"));
        yield return BadInputCase.Of(Operation, "search with a cursor the emulator never issued", call => call.WithQuery("search", "checkpoint").WithQuery("cursor", "not-a-cursor"), ExpectedError.Invalid("cursor"));
    }
}
