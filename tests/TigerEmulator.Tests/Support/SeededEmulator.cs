using TigerEmulator.Testing;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Support;

/// A fresh emulator for one behaviour test, with a client and the seeder, disposed with the test.
public sealed class SeededEmulator : IDisposable
{
    public SeededEmulator(ITestOutputHelper output)
    {
        Factory = Emulator.Create(output);
        Client = Factory.CreateTigerClient();
        Seeder = new ResourceSeeder(Factory, Client);
    }

    public TigerEmulatorFactory Factory { get; }

    public HttpClient Client { get; }

    public ResourceSeeder Seeder { get; }

    /// POSTs a JSON body and asserts the status the contract documents for the call.
    public async Task<HttpResponseMessage> PostAsync(string path, object? body, System.Net.HttpStatusCode expected)
    {
        var response = await Client.PostAsync(path, body is null ? null : Api.Json(body));
        Assert.True(response.StatusCode == expected, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}
