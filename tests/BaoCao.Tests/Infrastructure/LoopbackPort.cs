using System.Net;
using System.Net.Sockets;

namespace BaoCao.Tests.Infrastructure;

/// <summary>A free port for a server a test starts by port number (a child process, or an app whose port another server
/// must know first).</summary>
public static class LoopbackPort
{
    /// <summary>A port below the kernel's ephemeral range, free now. Asking the kernel for port 0 gives an ephemeral port:
    /// between the test releasing it and the server binding it, any outgoing connection (a PostgreSQL client, a
    /// health poll) may be handed the same port, and the server then fails with "address already in use" (seen in CI).
    /// Outgoing connections never get a port below the range, so only another test could take it.</summary>
    public static int Free()
    {
        var below = EphemeralRangeStart();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(10_000, below);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // taken: try another
            }
        }
        throw new InvalidOperationException($"No free loopback port between 10000 and {below}.");
    }

    private static int EphemeralRangeStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0], out var start) && start > 11_000
            ? start
            : 32_768;
    }
}
