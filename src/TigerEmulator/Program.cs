using TigerEmulator.CommandLine;

return await EmulatorCommand.RunAsync(args);

/// <summary>The emulator's entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
