using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Cymbio.Tests.Shared;

/// <summary>
/// A real <c>redis-server</c> for one test, on a free loopback port, with no persistence; killed on dispose.
/// <c>.ci/run</c> installs Redis when it is missing (Debian's <c>redis-server</c>); without it the start fails with a
/// message saying so — a test that needs Redis is never skipped.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string: <c>127.0.0.1:port</c>.</summary>
    public string ConnectionString => "127.0.0.1:" + Port;

    /// <summary>Starts a server and waits (at most 10 s) until it answers PING.</summary>
    public static async Task<RedisServer> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            Process process;
            try
            {
                process = Process.Start(new ProcessStartInfo("redis-server", ["--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--protected-mode", "yes", "--loglevel", "warning"])
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                })!;
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new InvalidOperationException("redis-server is not installed; .ci/run installs it (apt-get install -y redis-server).", ex);
            }

            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new RedisServer(process, port);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (DateTime.UtcNow < deadline && !process.HasExited)
            {
                if (await server.CommandAsync("PING").ConfigureAwait(false) == "+PONG")
                {
                    return server;
                }

                await Task.Delay(50).ConfigureAwait(false);
            }

            await server.DisposeAsync().ConfigureAwait(false);
            if (attempt == 3)
            {
                lock (output)
                {
                    throw new InvalidOperationException($"redis-server did not answer on port {port}:\n{output}");
                }
            }
        }
    }

    /// <summary>Empties every database (Redis flushed).</summary>
    public async Task FlushAllAsync()
    {
        if (await CommandAsync("FLUSHALL").ConfigureAwait(false) != "+OK")
        {
            throw new InvalidOperationException("FLUSHALL failed.");
        }
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    /// <summary>Sends one inline command and returns the first line of the reply, or null when nothing answers.</summary>
    private async Task<string?> CommandAsync(string command)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), timeout.Token).ConfigureAwait(false);
            using var reader = new StreamReader(stream, Encoding.ASCII);
            return await reader.ReadLineAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return null;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
