using static TigerEmulator.Logs.TrafficVocabulary;

namespace TigerEmulator.Logs;

/// Lines of client sessions, as log_connections and log_disconnections write them.
internal static class SessionLines
{
    public static string Write(TrafficKind kind, LineContext line)
    {
        var r = line.Random;
        return kind switch
        {
            TrafficKind.ConnectionReceived => $"connection received: host={r.Internet.Ip()} port={r.Number(32768, 60999)}",
            TrafficKind.ConnectionAuthorized =>
                $"connection authorized: user={r.ArrayElement(Users)} database={Database} application_name={r.ArrayElement(Applications)} "
                + "SSL enabled (protocol=TLSv1.3, cipher=TLS_AES_256_GCM_SHA384, bits=256)",
            _ => $"disconnection: session time: {SessionTime(r)} user={r.ArrayElement(Users)} database={Database} "
                + $"host={r.Internet.Ip()} port={r.Number(32768, 60999)}",
        };
    }

    // Mostly short-lived requests, now and then a pooled session that lived for hours.
    private static string SessionTime(Bogus.Randomizer r)
    {
        var time = TimeSpan.FromMilliseconds(r.Bool(0.8f) ? r.Number(3, 60_000) : r.Number(60_000, 36_000_000));
        return $"{(int)time.TotalHours}:{time:mm\\:ss\\.fff}";
    }
}
