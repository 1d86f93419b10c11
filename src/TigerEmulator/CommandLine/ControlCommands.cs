using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TigerEmulator.CommandLine;

/// `tiger-emulator reset|advance <duration>|status`: the control API of an emulator that is already running, at --url
/// (or TIGER_EMULATOR_URL), with the admin token when one is set.
public static partial class ControlCommands
{
    public static async Task<int> RunAsync(ParsedCommandLine commandLine, TextWriter output)
    {
        var url = Setting(commandLine, EmulatorSettings.Url) ?? ListenAddresses.Default;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
        {
            throw SettingException.NotAccepted(commandLine.NameOf(EmulatorSettings.Url), url, "an http:// or https:// URL");
        }

        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (Setting(commandLine, EmulatorSettings.AdminToken) is { } token)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            switch (commandLine.Verb)
            {
                case "reset":
                    Operands(commandLine, 0);
                    await SendAsync(client, HttpMethod.Post, "/_emulator/reset", null);
                    await output.WriteLineAsync($"reset {baseAddress}");
                    break;
                case "advance":
                    var seconds = Duration(Operands(commandLine, 1)[0]);
                    var clock = await SendAsync(client, HttpMethod.Post, "/_emulator/clock/advance", new JsonObject { ["seconds"] = seconds });
                    await output.WriteLineAsync($"advanced {seconds.ToString(CultureInfo.InvariantCulture)} s: now {clock?["now"]}, {clock?["transitions_applied"]} transitions applied");
                    break;
                default:
                    Operands(commandLine, 0);
                    var health = await SendAsync(client, HttpMethod.Get, "/_emulator/health", null);
                    var time = await SendAsync(client, HttpMethod.Get, "/_emulator/clock", null);
                    await output.WriteLineAsync($"{baseAddress}: {health?.ToJsonString()}");
                    await output.WriteLineAsync($"clock: {time?.ToJsonString()}");
                    break;
            }

            return 0;
        }
        catch (HttpRequestException unreachable)
        {
            throw new ControlException($"no emulator answers at {baseAddress} (set by {Source(commandLine)}): {unreachable.Message}");
        }
    }

    private static async Task<JsonNode?> SendAsync(HttpClient client, HttpMethod method, string path, JsonObject? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            var message = TryParse(text)?["message"]?.ToString() ?? text;
            throw new ControlException($"{method} {path} answered {(int)response.StatusCode}: {message}");
        }

        return TryParse(text);
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static IReadOnlyList<string> Operands(ParsedCommandLine commandLine, int count) =>
        commandLine.Operands.Count == count ? commandLine.Operands
        : count == 0 ? throw new CommandLineException($"{commandLine.Verb} takes no argument, not '{commandLine.Operands[0]}'")
        : throw new CommandLineException($"{commandLine.Verb} needs one duration (30s, 5m, 2h, or seconds)");

    /// 30s, 5m, 2h, 1d, 250ms, or a bare number of seconds.
    public static double Duration(string text)
    {
        var match = DurationText().Match(text);
        if (!match.Success)
        {
            throw new CommandLineException($"'{text}' is not a duration: give 30s, 5m, 2h, 1d, 250ms or a number of seconds");
        }

        var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return amount * match.Groups[2].Value switch
        {
            "ms" => 0.001,
            "m" => 60,
            "h" => 3600,
            "d" => 86400,
            _ => 1,
        };
    }

    private static string? Setting(ParsedCommandLine commandLine, string key) =>
        commandLine.Settings.TryGetValue(key, out var value) ? value
        : Environment.GetEnvironmentVariable(key) is { Length: > 0 } variable ? variable
        : null;

    private static string Source(ParsedCommandLine commandLine) =>
        Setting(commandLine, EmulatorSettings.Url) is null ? "the default; give --url" : commandLine.NameOf(EmulatorSettings.Url);

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$")]
    private static partial Regex DurationText();
}

/// A control command that reached no emulator, or one that refused it: one line, exit code 1.
public sealed class ControlException(string message) : Exception(message);
