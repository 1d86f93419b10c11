using TigerEmulator.Lifecycle;
using TigerEmulator.Reading;

namespace TigerEmulator.Scenarios;

/// Reads and validates a scenario from a file or from text; applies nothing. Every failure is a <see cref="DocumentException"/>.
public sealed class ScenarioLoader(ScenarioLocator locator, EmulatorOptions options, TransitionTable table)
{
    /// A scenario file larger than this is refused before it is parsed (or read further).
    public const int MaxBytes = 1024 * 1024;

    /// A scenario by name or by path: the start-up setting, which the operator chose.
    public Scenario Load(string nameOrPath) => LoadFile(locator.Find(nameOrPath));

    /// A scenario by name or by a path inside a scenario folder: the control API, which anyone who can reach it may call.
    public Scenario LoadFromFolders(string nameOrPath) => LoadFile(locator.FindInFolders(nameOrPath));

    private Scenario LoadFile(string path)
    {
        var text = ReadCapped(path);
        var json = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        return Parse(text, path, Path.GetFileNameWithoutExtension(path), json);
    }

    // Read up to one byte past the cap, so that /dev/zero or a huge file costs a mebibyte, not the process's memory.
    private static string ReadCapped(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            var bytes = new byte[MaxBytes + 1];
            var length = 0;
            int read;
            while (length < bytes.Length && (read = file.Read(bytes, length, bytes.Length - length)) > 0)
            {
                length += read;
            }

            return length > MaxBytes
                ? throw new DocumentException($"Scenario file '{path}' is larger than {MaxBytes} bytes")
                : System.Text.Encoding.UTF8.GetString(bytes, 0, length);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new DocumentException($"Scenario file '{path}' cannot be read: {exception.Message}");
        }
    }

    public Scenario Parse(string text, string source, string fallbackName, bool json)
    {
        var root = json ? JsonDocumentNodes.Parse(text, source) : YamlDocument.Parse(text, source);
        return ScenarioReader.Read(root, source, fallbackName, options, table);
    }
}
