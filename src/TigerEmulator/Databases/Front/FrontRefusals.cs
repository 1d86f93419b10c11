namespace TigerEmulator.Databases.Front;

/// What a start-up is told while the service's server is not there to answer it (SQLSTATE 57P03, cannot_connect_now).
public static class FrontRefusals
{
    public const string CannotConnectNow = "57P03";

    public const string Paused = "the service is paused; resume it to connect";

    public const string Resuming = "the service is resuming; connect again once it is READY";

    public const string Starting = "the service's database is starting; connect again once the service is READY";

    public const string ReplicaSetInError = "the read replica set is in error: its server is not running";

    public const string NotAnswering = "the service's database server is not running; connect again once the service is READY";
}
