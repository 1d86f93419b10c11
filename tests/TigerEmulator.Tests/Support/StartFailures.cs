namespace TigerEmulator.Tests.Support;

/// Tests whose emulator must fail to start run alone, with no other test beside them: WebApplicationFactory hooks the
/// program's host building through process-wide diagnostics, and a host failing while another starts can see the
/// other's outcome (an ObjectDisposedException in place of the expected refusal). One at a time among themselves was
/// not enough: the suite still failed that way beside ordinary tests.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StartFailures
{
    public const string Name = "emulators that fail to start";
}
