using System.Diagnostics;

namespace TigerEmulator.Databases;

/// The extensions the PostgreSQL binaries have: an extension is there when its control file is in the share folder's
/// extension folder and its library in the library folder, both as pg_config reports them for those binaries (so a
/// relocated copy of a PostgreSQL tree reports its own).
public sealed class AvailableExtensions
{
    private readonly string? share;
    private readonly string? library;
    private readonly string? problem;

    public AvailableExtensions(PostgresBinaries binaries)
    {
        try
        {
            var lines = Ask(binaries.PgConfig);
            (share, library) = lines.Length == 2 ? (Path.Combine(lines[0], "extension"), lines[1]) : (null, null);
            problem = share is null ? $"{binaries.PgConfig} did not report its folders" : null;
        }
        catch (Exception failure) when (failure is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            problem = $"no pg_config beside the server programs in {binaries.Folder} to say where extensions are";
        }
    }

    public bool Has(string extension) =>
        share is not null && library is not null
        && File.Exists(Path.Combine(share, extension + ".control"))
        && (File.Exists(Path.Combine(library, extension + ".so")) || File.Exists(Path.Combine(library, extension + ".dylib")));

    public ExtensionPlan PlanFor(string? serviceType)
    {
        var wanted = ServiceExtensions.For(serviceType);
        return new ExtensionPlan([.. wanted.Where(Has)], [.. wanted.Where(name => !Has(name))]);
    }

    /// Why an extension is missing, in the words of the banner and the service's log.
    public string WhyMissing(string extension) =>
        problem ?? $"no {extension}.control in {share} with its library in {library}";

    /// One line naming every extension a service type implies that these binaries lack, or null when none is missing.
    public string? Summary()
    {
        var missing = ServiceExtensions.All.Where(e => !Has(e.Name)).ToList();
        return missing.Count == 0
            ? null
            : $"Extensions not installed for these PostgreSQL binaries: {string.Join(", ", missing.Select(e => $"{e.Name} (for {e.ServiceType} services)"))}; "
                + $"those services run without them ({(problem ?? $"looked in {share} and {library}")})";
    }

    private static string[] Ask(string pgConfig)
    {
        using var process = Process.Start(new ProcessStartInfo(pgConfig, ["--sharedir", "--pkglibdir"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException("pg_config did not start");
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
    }
}
