namespace TigerEmulator.Databases;

/// One step at a time for each server (its <see cref="PostgresServer.Gate"/>), primaries and standbys alike; a failure
/// is logged with what the server is and becomes the caller's <see cref="DatabaseException"/>.
public static class ServerSteps
{
    public static async Task RunAsync(PostgresServer server, string step, ILogger logger, Func<Task> work, CancellationToken cancellationToken)
    {
        await server.Gate.WaitAsync(cancellationToken);
        try
        {
            await work();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            server.State = "failed";
            logger.LogError("Database of {Label}: {Step} failed: {Reason}", server.Label, step, exception.Message);
            throw new DatabaseException($"database {step} failed: {exception.Message}");
        }
        finally
        {
            server.Gate.Release();
        }
    }
}
