using Microsoft.AspNetCore.Http.HttpResults;
using TigerEmulator.Http;
using TigerEmulator.Reading;

namespace TigerEmulator.Scenarios;

/// Which scenario runs, and loading another one while the emulator runs.
public static class ScenarioRoutes
{
    private static readonly string[] YamlTypes = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"];

    public static RouteGroupBuilder MapScenario(this RouteGroupBuilder admin)
    {
        admin.MapGet("/scenario", Get).WithName("getScenario").WithSummary("The scenario in force, its seed, and the scenarios that can be loaded by name.");
        admin.MapPost("/scenario", Load).WithName("loadScenario").ProducesError(400, 413)
            .WithSummary("Loads {\"scenario\": \"name or path\", \"seed\": N?}, or a YAML body holding a scenario itself, and resets to it. A broken scenario changes nothing.");
        admin.MapGet("/state", Export).WithName("exportState")
            .WithSummary("The current state as a scenario file (YAML) that, loaded again, gives the same ids, statuses and endpoints; no passwords.");
        admin.MapPost("/state", Load).WithName("importState").ProducesError(400, 413)
            .WithSummary("Loads a state exported by GET /_emulator/state (Content-Type: application/yaml), as POST /_emulator/scenario does.");
        return admin;
    }

    private static ContentHttpResult Export(StateExport export) => TypedResults.Content(export.Write(), "application/yaml; charset=utf-8");

    private static Ok<ScenarioBody> Get(ActiveScenario active, ScenarioLocator locator) => TypedResults.Ok(ScenarioBody.From(active, locator));

    private static async Task<Results<Ok<ScenarioBody>, ErrorResult>> Load(
        HttpRequest request, ActiveScenario active, ScenarioLoader loader, ScenarioLocator locator, Admin.EmulatorReset reset)
    {
        var isYaml = YamlTypes.Contains(request.ContentType?.Split(';')[0].Trim().ToLowerInvariant());
        ActiveScenario.Loaded next;
        try
        {
            next = isYaml ? await FromYamlAsync(request, loader) : await FromReferenceAsync(request, loader);
        }
        catch (DocumentException invalid)
        {
            return Errors.BadRequest(invalid.Message);
        }

        var previous = active.Current;
        active.Set(next);
        try
        {
            await reset.ResetAsync();
        }
        catch
        {
            // Validation should have caught everything; if applying still fails, go back whole rather than run half-loaded.
            active.Set(previous);
            await reset.ResetAsync();
            throw;
        }

        return TypedResults.Ok(ScenarioBody.From(active, locator));
    }

    private static async Task<ActiveScenario.Loaded> FromReferenceAsync(HttpRequest request, ScenarioLoader loader)
    {
        var body = await JsonBody.ReadAsync(request);
        var name = body.RequiredString("scenario", 1024);
        var seed = body.OptionalInt("seed");
        return new(loader.LoadFromFolders(name), seed);
    }

    private static async Task<ActiveScenario.Loaded> FromYamlAsync(HttpRequest request, ScenarioLoader loader)
    {
        using var reader = new StreamReader(request.Body);
        string text;
        try
        {
            text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        }
        catch (IOException exception) when (exception is not BadHttpRequestException)
        {
            throw TigerException.UnreadableBody(exception);
        }

        if (text.Length > JsonBody.MaxBytes)
        {
            throw new TigerException(Errors.PayloadTooLarge($"Request body exceeds {JsonBody.MaxBytes} bytes"));
        }

        var seed = request.Query["seed"].ToString() is { Length: > 0 } given
            ? int.TryParse(given, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : throw TigerException.Invalid($"'seed' must be an integer, not '{given}'")
            : (int?)null;
        return new(loader.Parse(text, "request body", "posted", json: false), seed);
    }
}

public sealed record ScenarioBody(string Name, string Source, string? Description, int Seed, int FaultRules, IReadOnlyList<string> Available)
{
    public static ScenarioBody From(ActiveScenario active, ScenarioLocator locator) =>
        new(active.Scenario.Name, active.Scenario.Source, active.Scenario.Description, active.Seed, active.Scenario.Faults.Count, locator.Known());
}
