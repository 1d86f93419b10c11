// The floor under the emulator's GET service, for perf.sh: the same host builder, the same route shape and a body of
// the same bytes, with none of the emulator's work (API key check, fault rules, journal, store lookup, serialization).
// `--body-file <path>` serves that file's bytes (perf.sh passes the emulator's own answer); by default, service.json.
// Also the floor under the emulator's cold start: the smallest app WebApplicationFactory can host (ColdStartBench).
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

var body = File.ReadAllBytes(app.Configuration["body-file"] ?? Path.Combine(AppContext.BaseDirectory, "service.json"));
app.MapGet("/public/api/v1/projects/{project_id}/services/{service_id}", (string project_id, string service_id) =>
    TypedResults.Bytes(body, "application/json; charset=utf-8"));

app.Run();

/// <summary>Public so that bench/ColdStartBench can host it with WebApplicationFactory, as the floor under the
/// emulator's cold start.</summary>
public partial class Program;
