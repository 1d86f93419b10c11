using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace TigerEmulator.CommandLine;

/// Where the emulator listens, in one order for `dotnet run`, the tool and the image: --urls, else --port and
/// --https-port (or their variables) on --host, else ASPNETCORE_URLS, else ASPNETCORE_HTTP_PORTS/HTTPS_PORTS (the
/// image's 8080), else http://localhost:8080. Source names the setting that decided, for the error of a port in use.
public sealed record ListenAddresses(string? Urls, string Source)
{
    public const string Default = "http://localhost:8080";

    public static ListenAddresses Choose(IConfiguration configuration, ParsedCommandLine commandLine)
    {
        var port = ReadPort(configuration, commandLine, EmulatorSettings.Port);
        var httpsPort = ReadPort(configuration, commandLine, EmulatorSettings.HttpsPort);
        var portsOnCommandLine = commandLine.Settings.ContainsKey(EmulatorSettings.Port) || commandLine.Settings.ContainsKey(EmulatorSettings.HttpsPort);
        if (commandLine.Settings.TryGetValue(EmulatorSettings.Urls, out var urls))
        {
            return portsOnCommandLine
                ? throw new CommandLineException("give --urls or --port/--https-port, not both")
                : new(urls, "--urls");
        }

        if (port is not null || httpsPort is not null)
        {
            var host = configuration[EmulatorSettings.Host] is { Length: > 0 } named ? named : "localhost";
            string?[] chosen = [port is null ? null : $"http://{host}:{port}", httpsPort is null ? null : $"https://{host}:{httpsPort}"];
            return new(string.Join(';', chosen.OfType<string>()), commandLine.NameOf(port is null ? EmulatorSettings.HttpsPort : EmulatorSettings.Port));
        }

        if (!string.IsNullOrWhiteSpace(configuration[EmulatorSettings.Urls]))
        {
            return new(null, "ASPNETCORE_URLS");
        }

        return !string.IsNullOrWhiteSpace(configuration["http_ports"]) || !string.IsNullOrWhiteSpace(configuration["https_ports"])
            ? new(null, "ASPNETCORE_HTTP_PORTS")
            : new(Default, "the default address");
    }

    /// The HTTPS certificate given by path: a .pfx (with its password) or a PEM file holding the certificate and key.
    /// Without one, Kestrel uses the .NET development certificate.
    public static X509Certificate2? Certificate(IConfiguration configuration, ParsedCommandLine commandLine)
    {
        if (configuration[EmulatorSettings.CertPath] is not { Length: > 0 } path)
        {
            return null;
        }

        try
        {
            return Path.GetExtension(path).ToLowerInvariant() is ".pem" or ".crt"
                ? X509Certificate2.CreateFromPemFile(path)
                : X509CertificateLoader.LoadPkcs12FromFile(path, configuration[EmulatorSettings.CertPassword]);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw SettingException.NotAccepted(
                commandLine.NameOf(EmulatorSettings.CertPath), path, $"a readable .pfx (with its password) or a .pem holding the certificate and its key ({OneLine(exception.Message)})");
        }
    }

    private static int? ReadPort(IConfiguration configuration, ParsedCommandLine commandLine, string key)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw SettingException.NotAccepted(commandLine.NameOf(key), text, "a port number from 1 to 65535");
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
