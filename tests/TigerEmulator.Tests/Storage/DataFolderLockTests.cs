using TigerEmulator.Storage;

namespace TigerEmulator.Tests.Storage;

public sealed class DataFolderLockTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("tiger-emulator-lock-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void SecondEmulator_OnAFolderInUse_IsRefusedWithTheFolderNamed()
    {
        using var first = DataFolderLock.Acquire(folder);

        var refused = Assert.Throws<DataFolderException>(() => DataFolderLock.Acquire(folder, TimeSpan.Zero));

        Assert.Equal(
            $"The data folder {folder} is in use by another emulator (process {Environment.ProcessId}); stop it, or give this one another folder",
            refused.Message);
    }

    [Fact]
    public void Folder_OnceReleased_CanBeTakenAgain()
    {
        DataFolderLock.Acquire(folder).Dispose();

        using var again = DataFolderLock.Acquire(folder, TimeSpan.Zero);

        Assert.True(File.Exists(Path.Combine(folder, DataFolderLock.FileName)));
    }
}
