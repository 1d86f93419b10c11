using System.Text;

namespace TigerEmulator.CommandLine;

/// --help and --version, written from the settings table so that they never miss a setting.
public static class UsageText
{
    public const string Command = "tiger-emulator";

    public static string Version => EmulatorVersion.Text;

    public static string Help()
    {
        var text = new StringBuilder()
            .AppendLine($"Tiger Emulator {Version}: the Tiger Cloud REST API, offline.")
            .AppendLine()
            .AppendLine("Usage:")
            .AppendLine($"  {Command} [options]                 serve the API under /public/api/v1 and the control API under /_emulator")
            .AppendLine($"  {Command} reset [--url URL]         return a running emulator to its initial state")
            .AppendLine($"  {Command} advance DURATION [--url URL]  move its emulated clock (30s, 5m, 2h, or seconds)")
            .AppendLine($"  {Command} status [--url URL]        print its health and clock")
            .AppendLine($"  {Command} --help | --version")
            .AppendLine()
            .AppendLine("Options (each one also read from its environment variable; an option wins):");
        foreach (var setting in EmulatorSettings.All)
        {
            text.AppendLine($"  {$"{setting.Option} <{setting.ValueName}>",-36} {setting.Variable,-32} {setting.Meaning} (default: {setting.Default})");
        }

        return text.AppendLine()
            .AppendLine("Listening: --urls, else --port/--https-port on --host, else ASPNETCORE_URLS, else ASPNETCORE_HTTP_PORTS, else http://localhost:8080.")
            .ToString();
    }
}
