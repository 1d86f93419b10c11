using System.Diagnostics;
using TigerEmulator.Admin;
using TigerEmulator.Databases.Pooler;
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
            services.AddSingleton(NoPooler);
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
            services.AddSingleton(NoPooler);
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
            services.AddSingleton(NoPooler);
            return services;
        }

        if (Unreachable(settings) is { } barrier)
        {
            var why = $"the database servers run as the '{ServerAccount.AccountName}' account (PostgreSQL refuses root), which may not enter '{barrier}'";
            if (settings.Mode == "on")
            {
                throw new InvalidOperationException(why, new SettingException(
                    DatabaseSettings.DataDirKey,
                    $" '{settings.DataDir}' cannot hold the databases: {why}; let it (chmod o+x '{barrier}'), choose another folder, or set {DatabaseSettings.ModeKey}=off"));
            }

            services.AddSingleton(new DatabaseStatus(false, $"services have no database: {why} (chmod o+x '{barrier}', or another {DatabaseSettings.DataDirKey}; {DatabaseSettings.ModeKey}=on makes this an error)"));
            services.AddSingleton(NoPooler);
            return services;
        }

        var extensions = new AvailableExtensions(binaries);
        var pooler = FindPooler(settings);
        services.AddSingleton(new DatabaseStatus(true, $"{Version(binaries.Postgres, "postgres (PostgreSQL) ", "PostgreSQL ")} from {binaries.Folder}") { MissingExtensions = extensions.Summary() });
        services.AddSingleton(extensions);
        services.AddSingleton(pooler);
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
        services.AddSingleton<PoolerFleet>();
        services.AddSingleton<DatabasePorts>();
        services.AddSingleton<IEndpointAllocator>(provider => provider.GetRequiredService<DatabasePorts>());
        services.AddSingleton<ILifecycleListener, DatabaseListener>();
        services.AddSingleton<IResetParticipant, DatabaseReset>();
        services.AddSingleton<DatabaseWatch>();
        services.AddSingleton<RealServers.IRealServers, DatabaseServers>();
        return services;
    }

    // A data folder the servers' account cannot enter (an emulator running as root, a folder made 0700 by mktemp -d)
    // would fail every service's server, one by one: said once, at start, instead.
    private static string? Unreachable(DatabaseSettings settings) =>
        settings.DataDir is { } folder ? new ServerAccount().FirstBarrier(Path.Combine(folder, "databases")) : null;

    /// The watch starts after the stores and the scenario are in place, and stops (shutting the servers down) first.
    public static IServiceCollection AddDatabaseWatch(this IServiceCollection services)
    {
        if (services.Any(service => service.ServiceType == typeof(DatabaseWatch)))
        {
            services.AddHostedService(provider => provider.GetRequiredService<DatabaseWatch>());
        }

        return services;
    }

    private static readonly PoolerStatus NoPooler = new(null, "no pooler: services have no database");

    // Without PgBouncer the databases still run: enablePooler is then a flag on the API with nothing behind it, which
    // the banner says. A program named by the setting and not there stops the start, as the PostgreSQL folder does.
    private static PoolerStatus FindPooler(DatabaseSettings settings)
    {
        if (PgBouncerProgram.Find(settings.PgBouncerBin, out var looked) is { } program)
        {
            return new PoolerStatus(program, $"{Version(program.Path, "PgBouncer ", "PgBouncer ")} from {program.Path}");
        }

        if (settings.PgBouncerBin is not null)
        {
            throw new InvalidOperationException($"No pgbouncer program at {PgBouncerProgram.BinKey}={settings.PgBouncerBin} (name the program or its folder, or unset it)");
        }

        return new PoolerStatus(null,
            $"no PgBouncer found (looked in {string.Join(", ", looked)}): enablePooler is accepted, but nothing listens on the pooler port"
            + $" (install pgbouncer or set {PgBouncerProgram.BinKey})");
    }

    // "postgres (PostgreSQL) 15.14" → "PostgreSQL 15.14"; "PgBouncer 1.18.0" (its first line) stays as it is.
    private static string Version(string program, string prefix, string name)
    {
        using var process = Process.Start(new ProcessStartInfo(program, "--version") { RedirectStandardOutput = true, UseShellExecute = false });
        var text = process?.StandardOutput.ReadLine()?.Trim() ?? "";
        process?.StandardOutput.ReadToEnd();
        process?.WaitForExit();
        return text.StartsWith(prefix, StringComparison.Ordinal) ? name + text[prefix.Length..] : name.Trim();
    }
}
