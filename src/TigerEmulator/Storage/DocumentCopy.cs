using System.Reflection;
using TigerEmulator.Lifecycle;

namespace TigerEmulator.Storage;

/// Copies documents between the store's memory and its callers, so that a caller's edits reach the store only
/// through Update. Documents are flat but for a lifecycle history, which is copied too.
internal static class DocumentCopy
{
    private static readonly Func<object, object> Shallow = (Func<object, object>)Delegate.CreateDelegate(
        typeof(Func<object, object>),
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!);

    public static T Of<T>(T document)
        where T : class, IDocument
    {
        var copy = (T)Shallow(document);
        if (copy is ILifecycleDocument lifecycle)
        {
            lifecycle.History = [.. lifecycle.History];
        }

        return copy;
    }
}
