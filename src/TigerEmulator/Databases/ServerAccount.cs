using System.Diagnostics;

namespace TigerEmulator.Databases;

/// Runs the PostgreSQL programs. PostgreSQL refuses to run as root, so an emulator running as root (a CI machine, a
/// session) runs them as the unprivileged "postgres" account through util-linux's setpriv, and hands it the folders
/// they write; an emulator running as anyone else (a laptop, the Docker image) runs them as itself.
public sealed class ServerAccount
{
    public const string AccountName = "postgres";

    private readonly (int Uid, int Gid)? account;

    public ServerAccount()
    {
        if (Environment.UserName == "root")
        {
            account = Lookup(AccountName) ?? throw new InvalidOperationException(
                $"the emulator runs as root, which PostgreSQL refuses, and there is no '{AccountName}' account to run the servers as");
        }
    }

    public bool SwitchesUser => account is not null;

    /// Runs a program to its end; a non-zero exit throws with what the program printed (never with its environment,
    /// where a password may travel).
    public async Task<string> RunAsync(
        string program, IEnumerable<string> arguments, CancellationToken cancellationToken, string? input = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = StartInfo(program, arguments);
        start.RedirectStandardInput = true;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        await process.StandardInput.WriteAsync(input ?? "");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var text = (await output + await errors).Trim();
        return process.ExitCode == 0
            ? text
            : throw new DatabaseException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {Tail(text)}");
    }

    /// Starts a program that keeps running (a pooler), its output left to its own log file.
    public Process Launch(string program, IEnumerable<string> arguments)
    {
        var start = StartInfo(program, arguments);
        start.RedirectStandardOutput = false;
        start.RedirectStandardError = false;
        return Process.Start(start) ?? throw new DatabaseException($"could not start {Path.GetFileName(program)}");
    }

    /// The first folder on the way to <paramref name="folder"/> the server account may not enter, or null when it can
    /// reach it (always when the servers run as the emulator's own user). A data folder made by root with mode 0700
    /// (mktemp -d, for one) keeps the account out, and every service's server would fail to start in it.
    public string? FirstBarrier(string folder)
    {
        if (account is null)
        {
            return null;
        }

        var existing = Path.GetFullPath(folder);
        while (!Directory.Exists(existing))
        {
            existing = Path.GetDirectoryName(existing)!;
        }

        if (MayEnter(existing))
        {
            return null;
        }

        // Only on the way to a refusal: the folders from the top, one probe each, to name the one to open.
        var path = Path.GetPathRoot(existing)!;
        foreach (var part in existing[path.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            path = Path.Combine(path, part);
            if (!MayEnter(path))
            {
                return path;
            }
        }

        return existing;
    }

    // test -x as the account: whether it may search the folder (and every one above it).
    private bool MayEnter(string folder)
    {
        using var process = Process.Start(StartInfo("test", ["-x", folder])) ?? throw new InvalidOperationException("could not run test");
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    /// Makes a folder the server account owns, so the programs run as it can write there.
    public void CreateOwnedFolder(string path)
    {
        Directory.CreateDirectory(path);
        GiveToAccount(path);
    }

    /// Hands a file or folder the emulator wrote to the server account (nothing to do when they are one and the same).
    public void GiveToAccount(string path)
    {
        if (account is not { } owner)
        {
            return;
        }

        using var process = Process.Start(new ProcessStartInfo("chown", [$"{owner.Uid}:{owner.Gid}", path]) { UseShellExecute = false, RedirectStandardError = true })
            ?? throw new DatabaseException("could not run chown");
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new DatabaseException($"could not hand {path} to the '{AccountName}' account: {errors.Trim()}");
        }
    }

    /// Removes a folder and everything in it. The emulator may (it owns the folder, or is root), so it does it itself.
    public static void RemoveTree(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (account is not null)
        {
            start.FileName = "setpriv";
            foreach (var argument in (string[])["--reuid", AccountName, "--regid", AccountName, "--init-groups", program])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static string Tail(string text) => text.Length <= 600 ? text : "…" + text[^600..];

    // The account's ids from /etc/passwd: name:password:uid:gid:...
    private static (int, int)? Lookup(string name) =>
        File.Exists("/etc/passwd")
            ? File.ReadLines("/etc/passwd")
                .Select(line => line.Split(':'))
                .Where(fields => fields.Length > 3 && fields[0] == name)
                .Select(fields => ((int, int)?)(int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture)))
                .FirstOrDefault()
            : null;
}

/// A database step that could not be done: the message says what and why, and becomes the reason of an UNSTABLE service.
public sealed class DatabaseException(string message) : Exception(message);
