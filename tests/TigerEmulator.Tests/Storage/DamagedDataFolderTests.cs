using System.Diagnostics;
using TigerEmulator.Services;
using TigerEmulator.Storage;

namespace TigerEmulator.Tests.Storage;

/// A data folder the emulator cannot start on is said in one line, within a second, with the way out; nothing in it
/// is replaced or grown, and the folder's lock is let go.
public sealed class DamagedDataFolderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("tiger-damaged-").FullName;

    private string DataPath => Path.Combine(folder, EmulatorDatabase.FileName);

    private string LogPath => Path.Combine(folder, DataFile.LogName);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void FolderLockedByAnotherLiveEmulator_NamesItsProcess()
    {
        using (new FileStream(Path.Combine(folder, DataFolderLock.FileName), FileMode.Create, FileAccess.ReadWrite, FileShare.None))
        {
            File.WriteAllText(Path.Combine(folder, DataFolderLock.HolderFileName), "1");

            AssertRefused($"The data folder {folder} is in use by another emulator (process 1); stop it, or give this one another folder");
        }

        AssertFolderFree();
    }

    [Theory]
    [InlineData("unreadable")]
    [InlineData("read-only")]
    public void DataFileThatCannotBeOpened_SaysWhy(string trouble)
    {
        Exception cause = trouble == "unreadable"
            ? new UnauthorizedAccessException($"Access to the path '{DataPath}' is denied.")
            : new IOException("Read-only file system");

        AssertRefused($"{DataPath} cannot be opened for reading and writing ({cause.Message}); check its permissions and that its disk is writable", new RefusingFiles(cause));
        AssertFolderFree();
    }

    [Theory]
    [InlineData(5)]
    [InlineData(20000)]
    public void FileThatIsNotLiteDb_IsRefusedNotReplaced(int length)
    {
        var garbage = Enumerable.Range(0, length).Select(i => (byte)('a' + (i % 26))).ToArray();
        File.WriteAllBytes(DataPath, garbage);

        AssertRefused(MoveAside(DataPath, $"is not a LiteDB file ({length} bytes that do not start as one)"));
        Assert.Equal(garbage, File.ReadAllBytes(DataPath));
        AssertFolderFree();
    }

    [Fact]
    public void CorruptDataFile_IsRefusedWithTheWayOut()
    {
        StoreServices();
        var bytes = File.ReadAllBytes(DataPath);
        // Keep LiteDB's header page; scramble every page after it.
        for (var i = 8192; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31);
        }

        File.WriteAllBytes(DataPath, bytes);

        var refused = Refused();
        Assert.StartsWith($"{DataPath} is damaged (LiteDB: ", refused.Message);
        Assert.EndsWith($"); nothing was changed. To start afresh, move it aside: mv '{DataPath}' '{DataPath}.damaged'", refused.Message);
        AssertFolderFree();
    }

    [Fact]
    public void GarbageLogBesideAGoodFile_IsRefused_AndGrowsNothing()
    {
        StoreServices();
        var length = new FileInfo(DataPath).Length;
        File.WriteAllBytes(LogPath, Enumerable.Repeat((byte)0xEE, 8192).ToArray());

        AssertRefused(MoveAside(LogPath, "(LiteDB's log beside the data file) is damaged: page 0 names page 4008636142 of type 238, beyond a file of " + ((length / 8192) + 1) + " pages"));
        Assert.Equal(length, new FileInfo(DataPath).Length);
        AssertFolderFree();
    }

    private static string MoveAside(string path, string what) =>
        $"{path} {what}; nothing was changed. To start afresh, move it aside: mv '{path}' '{path}.damaged'";

    private void StoreServices()
    {
        var state = new StateLock();
        using var database = new EmulatorDatabase(new EmulatorOptions { DataDir = folder }, state);
        var store = new MemoryStore<ServiceDocument>(database, state);
        for (var i = 0; i < 200; i++)
        {
            store.Insert(new ServiceDocument { Id = $"s{i}", ProjectId = "p", Name = new string('n', 100), Status = "READY", History = [] });
        }
    }

    private void AssertRefused(string message, DataFiles? files = null) => Assert.Equal(message, Refused(files).Message);

    private DataFolderException Refused(DataFiles? files = null)
    {
        var clock = Stopwatch.StartNew();
        var refused = Assert.Throws<DataFolderException>(() => new EmulatorDatabase(new EmulatorOptions { DataDir = folder }, new StateLock(), files: files));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"diagnosed after {clock.Elapsed}");
        Assert.DoesNotContain('\n', refused.Message);
        return refused;
    }

    private void AssertFolderFree() => DataFolderLock.Acquire(folder, TimeSpan.Zero).Dispose();

    private sealed class RefusingFiles(Exception cause) : DataFiles
    {
        public override Stream Open(string path) => throw cause;
    }
}
