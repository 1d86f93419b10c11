using TigerEmulator.Lifecycle;

namespace TigerEmulator.Storage;

/// A store's lifecycle documents in the order their next steps fall due, kept beside its memory so that the worker,
/// which looks up to a hundred times a second, finds what is due without scanning every resource.
internal sealed class DueSchedule
{
    private readonly SortedSet<(DateTime Due, string Id)> steps = new(Comparer<(DateTime Due, string Id)>.Create(
        (a, b) => a.Due != b.Due ? a.Due.CompareTo(b.Due) : string.CompareOrdinal(a.Id, b.Id)));

    /// Records that a document changed from <paramref name="before"/> to <paramref name="after"/>; either may be null.
    public void Track(IDocument? before, IDocument? after)
    {
        lock (steps)
        {
            if (before is LifecycleDocument { NextStepAt: { } was })
            {
                steps.Remove((was, before.Id));
            }

            if (after is LifecycleDocument { NextStepAt: { } next })
            {
                steps.Add((next, after.Id));
            }
        }
    }

    public void Clear()
    {
        lock (steps)
        {
            steps.Clear();
        }
    }

    /// The ids whose next step falls due at or before the time, earliest first.
    public List<string> DueBy(DateTime time)
    {
        var due = new List<string>();
        lock (steps)
        {
            foreach (var (at, id) in steps)
            {
                if (at > time)
                {
                    break;
                }

                due.Add(id);
            }
        }

        return due;
    }

    /// The earliest next step that is not held; null when there is none.
    public DateTime? Next()
    {
        lock (steps)
        {
            return steps.Count > 0 && steps.Min.Due != ResourceLifecycle.HeldUntil ? steps.Min.Due : null;
        }
    }
}
