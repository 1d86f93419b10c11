using System.Reflection;

namespace TigerEmulator;

/// The emulator's version, as the package and the assembly carry it (without the commit suffix the SDK appends).
public static class EmulatorVersion
{
    public static string Text { get; } =
        typeof(EmulatorVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
