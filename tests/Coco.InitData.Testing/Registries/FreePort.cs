using System.Net;
using System.Net.Sockets;

namespace Coco.InitData.Testing;

/// <summary>A loopback port free at the time of asking.</summary>
public static class FreePort
{
    public static int Next(IPAddress? loopback = null)
    {
        using var listener = new TcpListener(loopback ?? IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until something accepts connections on the loopback port.</summary>
    public static bool WaitUntilListening(int port, TimeSpan timeout, Func<bool> stillRunning, IPAddress? loopback = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && stillRunning())
        {
            try
            {
                using var client = new TcpClient((loopback ?? IPAddress.Loopback).AddressFamily);
                client.Connect(loopback ?? IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        return false;
    }
}
