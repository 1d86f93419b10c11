using System.Diagnostics;
using TigerEmulator.Admin;
using TigerEmulator.Endpoints;
using TigerEmulator.Lifecycle;

namespace TigerEmulator.Databases;

public static class DatabaseSetup
{
    /// A real PostgreSQL server behind every service when TIGER_EMULATOR_DATABASES and the machine allow it; otherwise
    /// nothing is registered but the status that says why, and services behave as they always have. Decided here, at
    /// start, so that a bad setting or missing binaries stop the emulator with one line.
    public static IServiceCollection AddDatabases(this IServiceCollection services, IConfiguration configuration)
    {
        try
        {
            return Register(services, configuration);
        }
        catch (InvalidOperationException refusal)
        {
            // Raised when the host starts rather than here, so that it fails the start like any other bad setting
            // (a test host's too, which would otherwise see the program's entry point fail before its host exists).
            services.AddSingleton(new DatabaseStatus(false, refusal.Message));
            services.AddSingleton<IHostedService>(_ => throw refusal);
            return services;
        }
    }

    private static IServiceCollection Register(IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSettings.From(configuration);
        if (settings.Mode == "off")
        {
            services.AddSingleton(new DatabaseStatus(false, $"services have no database ({DatabaseSettings.ModeKey}=off)"));
            return services;
        }

        if (PostgresBinaries.Find(settings.BinFolder, out var looked) is not { } binaries)
        {
            var where = string.Join(", ", looked);
            if (settings.Mode == "on" || settings.BinFolder is not null)
            {
                throw new InvalidOperationException(
                    $"No PostgreSQL server programs (initdb, pg_ctl, postgres) found for {DatabaseSettings.ModeKey}={settings.Mode}; looked in: {where}"
                    + $" (set {DatabaseSettings.BinKey} to their folder, or {DatabaseSettings.ModeKey}=off)");
            }

            services.AddSingleton(new DatabaseStatus(false, "services have no database: no PostgreSQL server programs found (install PostgreSQL or set " + DatabaseSettings.BinKey + ")"));
            return services;
        }

        var extensions = new AvailableExtensions(binaries);
        services.AddSingleton(new DatabaseStatus(true, $"{Version(binaries)} from {binaries.Folder}") { MissingExtensions = extensions.Summary() });
        services.AddSingleton(extensions);
        services.AddSingleton(settings);
        services.AddSingleton(binaries);
        services.AddSingleton<ServerAccount>();
        services.AddSingleton<DatabaseFolders>();
        services.AddSingleton<ClusterTemplate>();
        services.AddSingleton<ClockMarks>();
        services.AddSingleton<ForkCopy>();
        services.AddSingleton<DatabaseFleet>();
        services.AddSingleton<StandbyFleet>();
        services.AddSingleton<ServiceReplicas>();
        services.AddSingleton<Front.DatabaseFront>();
        services.AddSingleton<Front.ServiceFrontRoutes>();
        services.AddSingleton<DatabasePorts>();
        services.AddSingleton<IEndpointAllocator>(provider => provider.GetRequiredService<DatabasePorts>());
        services.AddSingleton<ILifecycleListener, DatabaseListener>();
        services.AddSingleton<IResetParticipant, DatabaseReset>();
        services.AddSingleton<DatabaseWatch>();
        services.AddSingleton<RealServers.IRealServers, DatabaseServers>();
        return services;
    }

    /// The watch starts after the stores and the scenario are in place, and stops (shutting the servers down) first.
    public static IServiceCollection AddDatabaseWatch(this IServiceCollection services)
    {
        if (services.Any(service => service.ServiceType == typeof(DatabaseWatch)))
        {
            services.AddHostedService(provider => provider.GetRequiredService<DatabaseWatch>());
        }

        return services;
    }

    private static string Version(PostgresBinaries binaries)
    {
        using var process = Process.Start(new ProcessStartInfo(binaries.Postgres, "--version") { RedirectStandardOutput = true, UseShellExecute = false });
        var text = process?.StandardOutput.ReadToEnd().Trim() ?? "";
        process?.WaitForExit();
        return text.StartsWith("postgres (PostgreSQL) ", StringComparison.Ordinal) ? "PostgreSQL " + text[22..] : "PostgreSQL";
    }
}
