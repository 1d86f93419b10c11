using TigerEmulator.Reading;

namespace TigerEmulator.CommandLine;

/// Builds and runs the emulator's web host from the command line and the environment; WebApplicationFactory runs
/// the same code, which is why anything it passes that is not an option goes to the host untouched.
public static class EmulatorHost
{
    public static async Task<int> ServeAsync(ParsedCommandLine commandLine)
    {
        var builder = WebApplication.CreateBuilder([.. commandLine.HostArguments]);
        builder.Configuration.AddInMemoryCollection(commandLine.Settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)));
        var debug = builder.Configuration["Logging:LogLevel:Default"] is "Debug" or "Trace";
        var filter = new StartupLogFilter();
        ListenAddresses? addresses = null;
        try
        {
            // Read once here so that a bad setting stops the start before anything is built.
            _ = EmulatorOptions.From(builder.Configuration);
            addresses = ListenAddresses.Choose(builder.Configuration, commandLine);
            Configure(builder, commandLine, addresses, debug ? null : filter);
            var app = builder.Build();
            app.Lifetime.ApplicationStarted.Register(filter.Started);
            app.UseEmulator();
            await app.RunAsync();
            return 0;
        }
        catch (Exception exception) when (exception is not HostAbortedException && IsOwnProcess)
        {
            await Console.Error.WriteLineAsync(StartFailure.Describe(exception, commandLine, addresses));
            if (debug)
            {
                await Console.Error.WriteLineAsync(exception.ToString());
            }

            return exception is CommandLineException ? 2 : 1;
        }
    }

    // Hosted inside another process (WebApplicationFactory in a test), a failed start is that host's exception to
    // see; only the emulator's own process turns it into a line and an exit code.
    private static bool IsOwnProcess => System.Reflection.Assembly.GetEntryAssembly() == typeof(EmulatorHost).Assembly;

    private static void Configure(WebApplicationBuilder builder, ParsedCommandLine commandLine, ListenAddresses addresses, StartupLogFilter? filter)
    {
        if (addresses.Urls is { } urls)
        {
            builder.WebHost.UseUrls(urls);
        }

        var certificate = ListenAddresses.Certificate(builder.Configuration, commandLine);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = JsonBody.MaxBytes;
            if (certificate is not null)
            {
                kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate);
            }
        });

        var format = builder.Configuration[EmulatorSettings.LogFormat]?.ToLowerInvariant();
        if (format == "json")
        {
            builder.Logging.ClearProviders().AddJsonConsole();
        }
        else if (format is not (null or "" or "text"))
        {
            throw SettingException.NotAccepted(EmulatorSettings.LogFormat, format, "text or json");
        }

        if (filter is not null)
        {
            foreach (var category in StartupLogFilter.FailureCategories)
            {
                builder.Logging.AddFilter(category, filter.Allows);
            }
        }

        builder.Services.AddEmulator(builder.Configuration);
    }
}
