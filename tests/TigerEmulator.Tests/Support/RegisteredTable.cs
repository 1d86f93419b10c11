using Microsoft.Extensions.DependencyInjection;
using TigerEmulator.Lifecycle;

namespace TigerEmulator.Tests.Support;

/// The transition table as the emulator registers it, with the kinds and rows of every feature, for tests that read it
/// without a host of their own.
public static class RegisteredTable
{
    private static readonly Lazy<TransitionTable> Table = new(() =>
    {
        using var factory = Emulator.Create();
        return factory.Services.GetRequiredService<TransitionTable>();
    });

    public static TransitionTable Instance => Table.Value;
}
