namespace TigerEmulator.Tests.Support;

/// Tests whose emulator must fail to start run one at a time: WebApplicationFactory hooks the program's host building
/// through process-wide diagnostics, and two hosts failing at once can see each other's failure (an
/// ObjectDisposedException in place of the expected refusal).
[CollectionDefinition(Name)]
public sealed class StartFailures
{
    public const string Name = "emulators that fail to start";
}
