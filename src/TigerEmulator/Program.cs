using TigerEmulator;
using TigerEmulator.Http;
using TigerEmulator.Reading;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--data-dir"] = "TIGER_EMULATOR_DATA_DIR",
    ["--scenario"] = "TIGER_EMULATOR_SCENARIO",
});
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = JsonBody.MaxBytes);
builder.Services.AddEmulator(builder.Configuration);

var app = builder.Build();
app.UseEmulator();
app.Run();

/// <summary>The emulator's entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
