using TigerEmulator.Http;
using TigerEmulator.Storage;

namespace TigerEmulator;

/// Holds a changing request's answer until the data folder has stored what it changed, so that a client never hears
/// of a change that a killed emulator could lose. Requests arriving together share one commit (Storage/GroupCommit).
/// A change the disk refuses was taken back from memory, and the answer says so. Without a data folder nothing waits.
/// It lives beside the wiring because it joins two folders that stay apart: Storage and the Http error factory.
public sealed class DurableAnswerFilter(EmulatorDatabase database) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!database.IsDurable || HttpMethods.IsGet(context.HttpContext.Request.Method))
        {
            return await next(context);
        }

        var receipt = DurableWrites.Begin();
        var answer = await next(context);
        return await receipt.StoredAsync() is { } failure
            ? Errors.ServiceUnavailable($"The data folder could not store this change, so it was not made: {failure.Message}")
            : answer;
    }
}
