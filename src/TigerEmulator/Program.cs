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
try
{
    // Opened before the host starts, so that a data folder the emulator cannot use is one line, not a host failure's trace.
    app.Services.GetRequiredService<TigerEmulator.Storage.EmulatorDatabase>();
}
catch (TigerEmulator.Storage.DataFolderException problem)
{
    Console.Error.WriteLine($"tiger-emulator: {problem.Message}");
    return 1;
}

app.UseEmulator();
app.Run();
return 0;

/// <summary>The emulator's entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
