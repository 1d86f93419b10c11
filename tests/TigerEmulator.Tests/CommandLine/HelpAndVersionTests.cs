using System.Text.RegularExpressions;
using TigerEmulator.CommandLine;
using TigerEmulator.Tests.Support;

namespace TigerEmulator.Tests.CommandLine;

/// --help and --version print and exit without starting the server; --help lists every setting of the table.
public sealed class HelpAndVersionTests
{
    [Fact]
    public async Task Help_ListsEveryOptionWithItsVariable_AndStartsNothing()
    {
        await using var emulator = EmulatorProcess.Start(["--help"]);

        Assert.Equal(0, await emulator.ExitCodeAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal("", emulator.StandardError);
        Assert.DoesNotContain("Now listening on", emulator.StandardOutput);
        foreach (var setting in EmulatorSettings.All)
        {
            Assert.Contains($"{setting.Option} <{setting.ValueName}>", emulator.StandardOutput);
            Assert.Contains(setting.Variable, emulator.StandardOutput);
        }

        Assert.Contains("tiger-emulator advance DURATION", emulator.StandardOutput);
    }

    [Fact]
    public async Task Version_PrintsTheCommandAndItsVersion_AndStartsNothing()
    {
        await using var emulator = EmulatorProcess.Start(["--version"]);

        Assert.Equal(0, await emulator.ExitCodeAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal($"tiger-emulator {UsageText.Version}\n", emulator.StandardOutput);
        Assert.Matches(@"^\d+\.\d+\.\d+", UsageText.Version);
    }

    [Fact]
    public void EveryVariableTheSourceReads_IsInTheSettingsTable_WithAnOptionDerivedFromItsName()
    {
        var read = Directory.EnumerateFiles(Repository.PathOf("src", "TigerEmulator"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => Regex.Matches(File.ReadAllText(file), "\"(TIGER_EMULATOR_[A-Z_]+)\"").Select(match => match.Groups[1].Value))
            .Where(variable => variable != "TIGER_EMULATOR_")
            .ToHashSet();

        Assert.Contains("TIGER_EMULATOR_DATA_DIR", read);
        Assert.Empty(read.Except(EmulatorSettings.All.Select(setting => setting.Variable)));
        foreach (var setting in EmulatorSettings.All.Where(setting => setting.Variable.StartsWith("TIGER_EMULATOR_", StringComparison.Ordinal)))
        {
            Assert.Equal("--" + setting.Variable["TIGER_EMULATOR_".Length..].ToLowerInvariant().Replace('_', '-'), setting.Option);
        }
    }
}
