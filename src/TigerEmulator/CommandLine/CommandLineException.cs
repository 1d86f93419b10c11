namespace TigerEmulator.CommandLine;

/// The command line itself is wrong (an unknown option, a missing value): refused before anything starts.
public sealed class CommandLineException(string message) : Exception(message);
