using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TigerEmulator.Auth;
using TigerEmulator.Lifecycle;

namespace TigerEmulator.Testing;

/// <summary>
/// Hosts the Tiger Cloud API emulator in memory for a test: the contract under <c>/public/api/v1</c>, the control
/// API under <c>/_emulator</c>, on an emulated clock that moves only when the test advances it.
/// </summary>
/// <remarks>Create one per test class (<c>IClassFixture</c>) and call <see cref="ResetAsync"/> between tests, or one per test.</remarks>
public partial class TigerEmulatorFactory : WebApplicationFactory<Program>
{
    private readonly TigerEmulatorSettings settings;
    private readonly string? scenarioFile;

    /// <summary>Hosts the emulator with default settings: the default key pair and project, in-memory state.</summary>
    public TigerEmulatorFactory()
        : this(new TigerEmulatorSettings())
    {
    }

    /// <summary>Hosts the emulator with the given settings; subclass to use it as an xunit fixture.</summary>
    protected TigerEmulatorFactory(TigerEmulatorSettings settings)
    {
        this.settings = settings;
        Clock = new FakeTimeProvider(settings.StartTime);

        // WebApplicationFactory looks for the app's content root; the emulator needs none beyond its own output.
        var contentRoot = "ASPNETCORE_TEST_CONTENTROOT_TIGEREMULATOR";
        if (Environment.GetEnvironmentVariable(contentRoot) is null)
        {
            Environment.SetEnvironmentVariable(contentRoot, AppContext.BaseDirectory);
        }

        if (settings.ScenarioText is { } text)
        {
            // The emulator reads a scenario from a file at start; the format follows the text's first character.
            scenarioFile = Path.Combine(Path.GetTempPath(), $"tiger-emulator-scenario-{Guid.NewGuid():N}{(text.TrimStart().StartsWith('{') ? ".json" : ".yml")}");
            File.WriteAllText(scenarioFile, text);
        }

        if (settings.RealPort)
        {
            // Listen on 127.0.0.1:0 itself rather than UseKestrel(0), which rewrites the addresses after the app is built
            // and can lose the race with a quick start.
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        }
    }

    /// <summary>
    /// Hosts the emulator with the given settings, for a test that makes its own. (A factory used as an xunit class
    /// fixture must have a single public constructor, so this is a method rather than a second one.)
    /// </summary>
    public static TigerEmulatorFactory With(TigerEmulatorSettings settings) => new(settings);

    /// <summary>The clock behind emulated time. Prefer <see cref="AdvanceAsync"/>, which also applies due transitions.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>The settings this emulator was started with.</summary>
    public TigerEmulatorSettings Settings => settings;

    /// <summary>
    /// Where the emulator answers, started if it was not: with <see cref="TigerEmulatorSettings.RealPort"/>, the
    /// <c>http://127.0.0.1:port/</c> that any client in any process can use; otherwise the in-memory server's address,
    /// for the clients this factory creates.
    /// </summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    /// <summary>The Tiger API's base URL under <see cref="BaseAddress"/>: what a client is given instead of the cloud's.</summary>
    public Uri ApiBaseAddress => new(BaseAddress, "/public/api/v1/");

    /// <summary>The project id the default key belongs to.</summary>
    public string ProjectId => settings.ProjectId;

    /// <summary>
    /// An <see cref="HttpClient"/> that sends the key pair as Tiger clients do, with its base address at the API
    /// root, so a relative path such as <c>projects/{id}/services</c> works as it would against the cloud.
    /// </summary>
    public HttpClient CreateTigerClient(params DelegatingHandler[] handlers)
    {
        // Started first so that ClientOptions holds the real address when the factory serves through Kestrel.
        StartServer();
        var client = CreateDefaultClient(new Uri(ClientOptions.BaseAddress, "/public/api/v1/"), handlers);
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(BasicCredentials.Header(settings.PublicKey, settings.SecretKey));
        return client;
    }

    /// <summary>
    /// Moves emulated time forward and applies every lifecycle transition that fell due, in order, waiting for the
    /// lifecycle listeners to hear of each (a hold a listener keeps open stays open).
    /// </summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        if (settings.SystemClock)
        {
            // On the system clock, emulated time moves by the control API's offset.
            (await ControlClient().PostAsJsonAsync("/_emulator/clock/advance", new { seconds = by.TotalSeconds })).EnsureSuccessStatusCode();
            return;
        }

        Clock.Advance(by);
        await Services.GetRequiredService<LifecycleWorker>().SettleAsync();
    }

    /// <summary>Returns the emulator to the initial state of its scenario (the clock keeps its time).</summary>
    public async Task ResetAsync() => (await ControlClient().PostAsync("/_emulator/reset", null)).EnsureSuccessStatusCode();

    /// <summary>Adds a fault rule (see the README's fault rule format) and returns its id.</summary>
    public async Task<string> AddFaultAsync(object rule)
    {
        var response = await ControlClient().PostAsJsonAsync("/_emulator/faults", rule);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (string?)body?["id"] ?? throw new InvalidOperationException("the emulator returned no fault id");
    }

    /// <summary>Removes every fault rule.</summary>
    public async Task ClearFaultsAsync() => (await ControlClient().DeleteAsync("/_emulator/faults")).EnsureSuccessStatusCode();

    /// <summary>The request journal, newest first, optionally only the calls of one operation (an operationId of the contract).</summary>
    public async Task<JsonArray> GetRequestsAsync(string? operation = null)
    {
        var path = operation is null ? "/_emulator/requests" : $"/_emulator/requests?operation={Uri.EscapeDataString(operation)}";
        return await ControlClient().GetFromJsonAsync<JsonArray>(path) ?? [];
    }

    /// <summary>Loads a scenario by name (a file in scenarios/) or path, replacing the current state.</summary>
    public async Task LoadScenarioAsync(string nameOrPath) =>
        (await ControlClient().PostAsJsonAsync("/_emulator/scenario", new { scenario = nameOrPath })).EnsureSuccessStatusCode();

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("TIGER_EMULATOR_PUBLIC_KEY", settings.PublicKey);
        builder.UseSetting("TIGER_EMULATOR_SECRET_KEY", settings.SecretKey);
        builder.UseSetting("TIGER_EMULATOR_PROJECT_ID", settings.ProjectId);
        builder.UseSetting("TIGER_EMULATOR_SEED", settings.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if ((scenarioFile ?? settings.Scenario) is { } scenario)
        {
            builder.UseSetting("TIGER_EMULATOR_SCENARIO", scenario);
        }

        if (settings.Timing is not null)
        {
            builder.UseSetting("TIGER_EMULATOR_TIMING", settings.Timing);
        }

        if (settings.JournalSize is { } journalSize)
        {
            builder.UseSetting("TIGER_EMULATOR_JOURNAL_SIZE", journalSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (settings.DataDirectory is not null)
        {
            builder.UseSetting("TIGER_EMULATOR_DATA_DIR", settings.DataDirectory);
        }

        foreach (var (key, value) in settings.Configuration)
        {
            builder.UseSetting(key, value);
        }

        if (settings.Log is { } log)
        {
            builder.ConfigureLogging(logging => logging
                .ClearProviders()
                .AddProvider(new LineLoggerProvider(log))
                .AddFilter<LineLoggerProvider>(null, LogLevel.Warning)
                .AddFilter<LineLoggerProvider>("TigerEmulator", LogLevel.Information));
        }

        builder.ConfigureTestServices(services =>
        {
            if (!settings.SystemClock)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            }

            settings.Services?.Invoke(services);
        });
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && scenarioFile is not null)
        {
            File.Delete(scenarioFile);
        }
    }

    private HttpClient ControlClient() => CreateClient();
}
