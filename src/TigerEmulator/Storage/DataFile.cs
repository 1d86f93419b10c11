using LiteDB;

namespace TigerEmulator.Storage;

/// The data folder's LiteDB database with its log beside it, opened over guarded streams (<see cref="GuardedStream"/>):
/// after a failed write the engine is thrown away and the next use opens the files again.
internal sealed class DataFile(string folder, DataFiles files) : IDisposable
{
    public const string LogName = "tiger-emulator-log.db";

    private LiteDatabase? database;
    private GuardedStream? data;
    private GuardedStream? log;
    private bool disposed;

    public string Path => System.IO.Path.Combine(folder, EmulatorDatabase.FileName);

    // Never opened again once disposed: a late reader would hold the files after the emulator has let the folder go.
    public LiteDatabase Database => database ??= disposed ? throw new ObjectDisposedException(nameof(DataFile)) : Open();

    /// The first write the disk refused since the files were opened.
    public Exception? Failure => data?.Failure ?? log?.Failure;

    /// Closes the engine without trusting it; the files stay as the guarded streams left them.
    public void Discard()
    {
        try
        {
            database?.Dispose();
        }
        catch (Exception exception) when (exception is LiteException or IOException or InvalidOperationException)
        {
            // The engine saw a failed write; the files hold every confirmed transaction, which is what the next open reads.
        }

        Close();
    }

    public void Dispose()
    {
        disposed = true;
        try
        {
            database?.Dispose();
        }
        finally
        {
            // The files are let go even when the engine's last checkpoint fails.
            Close();
        }
    }

    private LiteDatabase Open()
    {
        data = new GuardedStream(files.Open(Path));
        log = new GuardedStream(files.Open(System.IO.Path.Combine(folder, LogName)));
        try
        {
            return new LiteDatabase(data, new BsonMapper(), log) { UtcDate = true };
        }
        catch
        {
            Close();
            throw;
        }
    }

    private void Close()
    {
        database = null;
        data?.Dispose();
        log?.Dispose();
        data = null;
        log = null;
    }
}
