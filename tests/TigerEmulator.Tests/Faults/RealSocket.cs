using TigerEmulator.Testing;
using TigerEmulator.Tests.Support;

namespace TigerEmulator.Tests.Faults;

/// Connection-level faults (a drop, a truncated body, a hang) only show on a real socket, not on the in-memory
/// test server: this serves a factory through Kestrel on 127.0.0.1 and a free port.
internal static class RealSocket
{
    public static HttpClient StartAuthenticated(TigerEmulatorFactory factory, TimeSpan? timeout = null)
    {
        // Not UseKestrel(0): that rewrites the server's addresses after the app is built, racing the app's own start on
        // another thread, and loses when the start is quick (the addresses cannot change once Kestrel is listening).
        factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        var client = factory.CreateTigerClient();
        client.Timeout = timeout ?? TimeSpan.FromSeconds(10);
        Assert.True(System.Net.IPAddress.IsLoopback(System.Net.IPAddress.Parse(client.BaseAddress!.Host)), $"not on loopback: {client.BaseAddress}");
        return client;
    }
}
