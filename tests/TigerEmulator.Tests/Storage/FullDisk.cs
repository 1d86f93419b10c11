using TigerEmulator.Storage;

namespace TigerEmulator.Tests.Storage;

/// The data folder's files on a disk that fills up on demand: while <see cref="Full"/>, every write to any of them
/// fails as a full disk fails it. Injected through the emulator's <see cref="DataFiles"/> (no tmpfs: mounting one
/// needs privileges that CI machines do not give).
public sealed class FullDisk : DataFiles
{
    public volatile bool Full;

    public override Stream Open(string path) => new Filling(base.Open(path), this);

    private sealed class Filling(Stream file, FullDisk disk) : Stream
    {
        public override bool CanRead => file.CanRead;

        public override bool CanSeek => file.CanSeek;

        public override bool CanWrite => file.CanWrite;

        public override long Length => file.Length;

        public override long Position
        {
            get => file.Position;
            set => file.Position = value;
        }

        public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

        public override void Write(byte[] buffer, int offset, int count)
        {
            Refuse();
            file.Write(buffer, offset, count);
        }

        public override void SetLength(long value) => file.SetLength(value);

        public override void Flush()
        {
            Refuse();
            file.Flush();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                file.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Refuse()
        {
            if (disk.Full)
            {
                throw new IOException("No space left on device");
            }
        }
    }
}
