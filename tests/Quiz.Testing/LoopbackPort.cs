using System.Net;
using System.Net.Sockets;

namespace Quiz.Testing;

/// <summary>A port nobody listens on right now on 127.0.0.1, for a server a test starts (the OS picks it).</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
