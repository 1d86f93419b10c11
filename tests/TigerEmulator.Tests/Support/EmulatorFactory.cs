using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TigerEmulator;
using TigerEmulator.Auth;
using TigerEmulator.Lifecycle;

namespace TigerEmulator.Tests.Support;

/// Hosts the emulator in memory on a fake clock. One factory per test wherever state matters.
public sealed class EmulatorFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> settings = new();

    public EmulatorFactory(string? dataDir = null, IDictionary<string, string?>? settings = null)
    {
        if (dataDir is not null)
        {
            this.settings["TIGER_EMULATOR_DATA_DIR"] = dataDir;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            this.settings[key] = value;
        }
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public string ProjectId => EmulatorOptions.DefaultProjectId;

    /// A client that sends the default key pair, as a Tiger client would.
    public HttpClient CreateAuthenticatedClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(
            BasicCredentials.Header(EmulatorOptions.DefaultPublicKey, EmulatorOptions.DefaultSecretKey));
        return client;
    }

    /// Moves the emulated clock and lets the lifecycle worker apply everything that fell due.
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await Services.GetRequiredService<LifecycleWorker>().ApplyDueAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}
