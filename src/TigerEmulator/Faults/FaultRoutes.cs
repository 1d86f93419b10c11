using Microsoft.AspNetCore.Http.HttpResults;
using TigerEmulator.Http;
using TigerEmulator.Lifecycle;
using TigerEmulator.Reading;
using TigerEmulator.Scenarios;

namespace TigerEmulator.Faults;

/// The runtime fault API: list, add and remove rules while the emulator runs.
public static class FaultRoutes
{
    public static RouteGroupBuilder MapFaults(this RouteGroupBuilder admin)
    {
        admin.MapGet("/faults", List).WithName("getFaults").WithSummary("Every fault rule in force, in evaluation order, with how often each matched and fired.");
        admin.MapPost("/faults", Add).WithName("addFault").ProducesError(400, 413)
            .WithSummary("Adds a rule, e.g. {\"operation\": \"createService\", \"status\": 503, \"probability\": 1.0, \"times\": 1}; answers it with its id. Fields: scenarios/README.md.");
        admin.MapDelete("/faults/{id}", Remove).WithName("deleteFault").ProducesError(404).WithSummary("Removes one rule.");
        admin.MapDelete("/faults", Clear).WithName("clearFaults").WithSummary("Removes every rule, the scenario's included, until the next reset.");
        return admin;
    }

    private static Ok<List<FaultRuleBody>> List(FaultEngine engine) => TypedResults.Ok(engine.List().Select(FaultRuleBody.From).ToList());

    private static async Task<Results<Created<FaultRuleBody>, ErrorResult>> Add(HttpRequest request, FaultEngine engine, TransitionTable table)
    {
        var body = await JsonBody.ReadAsync(request);
        try
        {
            var rule = engine.Add(FaultRuleReader.Read(body, table));
            var state = engine.List().Single(s => s.Rule.Id == rule.Id);
            return TypedResults.Created($"/_emulator/faults/{rule.Id}", FaultRuleBody.From(state));
        }
        catch (DocumentException invalid)
        {
            return Errors.BadRequest(invalid.Message);
        }
    }

    private static Results<NoContent, ErrorResult> Remove(string id, FaultEngine engine) =>
        engine.Remove(id) ? TypedResults.NoContent() : Errors.NotFound("fault rule", id);

    private static NoContent Clear(FaultEngine engine)
    {
        engine.Clear();
        return TypedResults.NoContent();
    }
}
