using TigerEmulator.Http;
using TigerEmulator.Storage;

namespace TigerEmulator;

/// Answers a changing request with the 503 that says why when the data folder refused one of its changes (which was
/// taken back from memory), so that a client never hears of a change that a killed emulator could lose. Every change
/// is in the write-ahead log before the handler returns (Storage/LogWriter). Without a data folder nothing is checked.
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
