using System.Net;
using System.Net.Sockets;

namespace TigerEmulator.Vpcs;

/// Checks that a CIDR is an IPv4 network: an address with no host bits set and a prefix from 8 to 28.
public static class Cidr
{
    public static string? Problem(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2
            || !IPAddress.TryParse(parts[0], out var address)
            || address.AddressFamily != AddressFamily.InterNetwork
            // The parser also takes "10.1", octal "010.0.0.0" and hex "0x0a.0.0.0"; only canonical dotted decimal means what it says.
            || address.ToString() != parts[0]
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix))
        {
            return $"'cidr' must be an IPv4 network such as 10.0.0.0/16, not '{text}'";
        }

        if (prefix is < 8 or > 28)
        {
            return $"'cidr' prefix must be between /8 and /28, not /{prefix}";
        }

        var bits = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes());
        var hostMask = prefix == 32 ? 0u : uint.MaxValue >> prefix;
        return (bits & hostMask) == 0 ? null : $"'cidr' {text} has host bits set; did you mean {Network(bits & ~hostMask)}/{prefix}?";
    }

    private static string Network(uint bits) => $"{bits >> 24}.{(bits >> 16) & 255}.{(bits >> 8) & 255}.{bits & 255}";
}
