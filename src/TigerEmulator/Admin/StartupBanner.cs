using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TigerEmulator.Databases;
using TigerEmulator.Databases.Pooler;
using TigerEmulator.Lifecycle;
using TigerEmulator.Storage;

namespace TigerEmulator.Admin;

/// Says at start what a user needs to point a client here. A configured secret is never printed; only the
/// well-known default is, as it is in the README.
public static class StartupBanner
{
    public static void Announce(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var options = app.Services.GetRequiredService<EmulatorOptions>();
            var clock = app.Services.GetRequiredService<EmulatorClock>();
            var timings = app.Services.GetRequiredService<LifecycleTimings>();
            var database = app.Services.GetRequiredService<EmulatorDatabase>();
            var databases = app.Services.GetRequiredService<DatabaseStatus>();
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var secret = options.SecretKey == EmulatorOptions.DefaultSecretKey ? options.SecretKey : "(set by TIGER_EMULATOR_SECRET_KEY, not shown)";
            app.Logger.LogInformation(
                "Tiger Emulator listening on {Addresses}; API base {Base}; storage {Storage}; clock {Mode}, timing {Profile}, speed x{Speed}; "
                + "project {Project}, public key {PublicKey}, secret key {SecretKey}; Swagger UI at /swagger; databases: {Databases}",
                string.Join(", ", addresses.Select(a => a + EmulatorSetup.ApiPrefix)),
                EmulatorSetup.ApiPrefix,
                database.IsDurable ? $"file in {options.DataDir}" : "in memory",
                clock.IsManual ? "manual" : "realtime",
                timings.Profile,
                timings.Speed,
                options.ProjectId,
                options.PublicKey,
                secret,
                databases.Description);
            if (databases.MissingExtensions is { } missing)
            {
                app.Logger.LogWarning("{MissingExtensions}", missing);
            }

            if (databases.Enabled && app.Services.GetRequiredService<PoolerStatus>() is { Enabled: false } pooler)
            {
                app.Logger.LogWarning("Connection pooler: {Pooler}", pooler.Description);
            }

            if (options.AdminToken is null && addresses.FirstOrDefault(a => !IsLoopback(a)) is { } open)
            {
                app.Logger.LogWarning(
                    "The control API (/_emulator: reset, scenarios, faults, the journal) is open to anyone who reaches {Address}; set TIGER_EMULATOR_ADMIN_TOKEN to close it",
                    open);
            }
        });
    }

    // "http://+:8080", "http://*:8080", "http://0.0.0.0:8080" and "http://[::]:8080" listen on every interface.
    internal static bool IsLoopback(string address)
    {
        var host = address.Replace("://+", "://any", StringComparison.Ordinal).Replace("://*", "://any", StringComparison.Ordinal);
        return Uri.TryCreate(host, UriKind.Absolute, out var uri)
            && (uri.IsLoopback || (System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip)));
    }
}
