namespace TigerEmulator.Storage;

/// Opens the files of a data folder. A test replaces it to make the disk fail (see the storage tests).
public class DataFiles
{
    /// Unbuffered: each page LiteDB writes is one write to the operating system, so nothing waits in this process.
    public virtual Stream Open(string path) =>
        new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
}
