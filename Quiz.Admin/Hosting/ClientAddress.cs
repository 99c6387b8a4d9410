using System.Net;

namespace Quiz.Admin.Hosting;

/// <summary>Where a request really comes from, as far as this process can know.</summary>
public static class ClientAddress
{
    private const string ForwardedFor = "X-Forwarded-For";

    /// <summary>
    /// The remote address, or null when it cannot be trusted: a request that still carries
    /// X-Forwarded-For came through a proxy that is not configured as known, so its real client is
    /// unknown (a local reverse proxy would otherwise make every visitor look like loopback).
    /// </summary>
    public static IPAddress? Of(HttpContext http)
    {
        if (http.Request.Headers.ContainsKey(ForwardedFor))
        {
            return null;
        }
        var address = http.Connection.RemoteIpAddress;
        return address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
    }

    public static bool IsLoopback(HttpContext http) => Of(http) is { } address && IPAddress.IsLoopback(address);
}
