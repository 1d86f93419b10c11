using TigerEmulator.Storage;

namespace TigerEmulator.Tests.Storage;

/// Ids repeat from run to run for a seed, never repeat within one, and concurrent creates draw without a lock.
public sealed class IdGeneratorTests
{
    [Fact]
    public void SameSeed_DrawsTheSameSequence_AndResetStartsItAgain()
    {
        var first = new IdGenerator(new EmulatorOptions { Seed = 7 });
        var second = new IdGenerator(new EmulatorOptions { Seed = 7 });

        var drawn = Enumerable.Range(0, 50).Select(i => i % 2 == 0 ? first.NewId() : first.NewPassword()).ToList();

        Assert.Equal(drawn, Enumerable.Range(0, 50).Select(i => i % 2 == 0 ? second.NewId() : second.NewPassword()));
        first.Reset(7);
        Assert.Equal(drawn, Enumerable.Range(0, 50).Select(i => i % 2 == 0 ? first.NewId() : first.NewPassword()));
    }

    [Fact]
    public void OtherSeed_DrawsOtherIds()
    {
        var seven = new IdGenerator(new EmulatorOptions { Seed = 7 });
        var eight = new IdGenerator(new EmulatorOptions { Seed = 8 });

        var ids = Enumerable.Range(0, 100).Select(_ => seven.NewId()).ToHashSet();

        Assert.DoesNotContain(Enumerable.Range(0, 100).Select(_ => eight.NewId()), ids.Contains);
    }

    /// A VPC's digits take one draw like any id, so the ids drawn after it are the same whichever kind came first.
    [Fact]
    public void NumericIds_AreTenDigits_AndTakeTheirPlaceInTheSequence()
    {
        var numeric = new IdGenerator(new EmulatorOptions { Seed = 7 });
        var plain = new IdGenerator(new EmulatorOptions { Seed = 7 });

        Assert.Matches("^[0-9]{10}$", numeric.NewNumericId());
        plain.NewId();

        Assert.Equal(plain.NewId(), numeric.NewId());
    }

    [Fact]
    public void Ids_AreTenLowercaseCharacters_AndPasswordsTwentyFourUnambiguousOnes()
    {
        var ids = new IdGenerator(new EmulatorOptions());

        for (var i = 0; i < 1000; i++)
        {
            Assert.Matches("^[a-z0-9]{10}$", ids.NewId());
            Assert.Matches("^[a-km-zA-HJ-NP-Z2-9]{24}$", ids.NewPassword());
        }
    }

    [Fact]
    public void ConcurrentDraws_AreTheSequentialDraws_InSomeOrder()
    {
        const int Threads = 4, PerThread = 25_000;
        var sequential = new IdGenerator(new EmulatorOptions { Seed = 3 });
        var expected = Enumerable.Range(0, Threads * PerThread).Select(_ => sequential.NewId()).ToHashSet();
        var concurrent = new IdGenerator(new EmulatorOptions { Seed = 3 });

        var drawn = new string[Threads][];
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads },
            t => drawn[t] = Enumerable.Range(0, PerThread).Select(_ => concurrent.NewId()).ToArray());

        var all = drawn.SelectMany(d => d).ToList();
        Assert.Equal(Threads * PerThread, expected.Count);
        Assert.Equal(expected.Count, all.Distinct().Count());
        Assert.True(expected.SetEquals(all));
    }
}
