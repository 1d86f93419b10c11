namespace TigerEmulator.Tests.Contract;

/// Hand-written rules on forks, passwords and log queries.
public static class ServiceRuleCases
{
    public static IEnumerable<BadInputCase> All()
    {
        // The valid fork call is PITR one second into the parent's life (see OperationFixtures).
        yield return BadInputCase.OfBody("forkService", "PITR without target_time", body => body.Remove("target_time"), ExpectedError.Invalid("target_time"));
        yield return BadInputCase.OfBody("forkService", "PITR target_time long before the parent", body => body["target_time"] = "2020-01-01T00:00:00Z", ExpectedError.Invalid("target_time"));
        yield return BadInputCase.OfBody("forkService", "PITR target_time one second before the parent", body => body["target_time"] = OperationFixtures.Rfc3339(Support.Emulator.Start.AddSeconds(-1)), ExpectedError.Invalid("target_time"));
        yield return new BadInputCase("forkService: PITR target_time in the future", "forkService", (stage, call) =>
            Task.FromResult(call.WithBody(body => body["target_time"] = OperationFixtures.Rfc3339(stage.Factory.Clock.GetUtcNow().AddHours(1)))), ExpectedError.Invalid("target_time"));

        foreach (var password in new[] { "short", "1234567", "       " })
        {
            yield return BadInputCase.OfBody("updatePassword", $"password '{password}' ({password.Length} characters)", body => body["password"] = password, ExpectedError.Invalid("password"));
        }

        yield return BadInputCase.Of("getServiceLogs", "node the service does not have", call => call.WithQuery("node", "5"), ExpectedError.Invalid("node"));
        yield return BadInputCase.Of("getServiceLogs", "negative page", call => call.WithQuery("page", "-1"), ExpectedError.Invalid("page"));
        yield return BadInputCase.Of("getServiceLogs", "cursor the emulator never issued", call => call.WithQuery("cursor", "not-a-cursor"), ExpectedError.Invalid("cursor"));
    }
}
