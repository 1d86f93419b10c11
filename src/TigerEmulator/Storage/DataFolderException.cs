namespace TigerEmulator.Storage;

/// A data folder the emulator cannot start on, said in one line with the way out; the start prints it after the
/// setting's name and exits 1 (CommandLine/StartFailure), as it does for every other start error.
public sealed class DataFolderException(string message, Exception? cause = null) : Exception(message, cause)
{
    public static DataFolderException MoveAside(string path, string what) =>
        new($"{path} {what}; nothing was changed. To start afresh, move it aside: mv '{path}' '{path}.damaged'");
}
