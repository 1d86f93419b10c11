namespace TigerEmulator.Lifecycle;

/// A plaintext password on its way to a listener: it prints as a mask, so that logging an event cannot leak it.
public sealed class Secret(string value)
{
    public string Reveal() => value;

    public override string ToString() => "(secret)";
}
