using static TigerEmulator.Logs.TrafficVocabulary;

namespace TigerEmulator.Logs;

/// Lines of client sessions, as log_connections and log_disconnections write them.
internal static class SessionLines
{
    public static void Write(TrafficKind kind, LineContext line)
    {
        var (r, text) = (line.Random, line.Text);
        switch (kind)
        {
            case TrafficKind.ConnectionReceived:
                text.Append($"connection received: host={r.Pick(ClientAddresses)} port={r.Number(32768, 60999)}");
                break;
            case TrafficKind.ConnectionAuthorized:
                text.Append($"connection authorized: user={r.Pick(Users)} database={Database} application_name={r.Pick(Applications)} ");
                text.Append("SSL enabled (protocol=TLSv1.3, cipher=TLS_AES_256_GCM_SHA384, bits=256)"u8);
                break;
            default:
                // Mostly short-lived requests, now and then a pooled session that lived for hours.
                var ms = r.Chance(0.8) ? r.Number(3, 60_000) : r.Number(60_000, 36_000_000);
                text.Append($"disconnection: session time: {ms / 3_600_000}:{ms / 60_000 % 60:D2}:{ms / 1000 % 60:D2}.{ms % 1000:D3} ");
                text.Append($"user={r.Pick(Users)} database={Database} host={r.Pick(ClientAddresses)} port={r.Number(32768, 60999)}");
                break;
        }
    }
}
