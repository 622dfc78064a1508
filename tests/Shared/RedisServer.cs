using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Cymbio.Tests.Shared;

/// <summary>
/// A real <c>redis-server</c>, started as a child process on a free loopback port, for the tests of the distributed
/// token cache. No persistence (<c>--save "" --appendonly no</c>), bound to 127.0.0.1 only. The fixture speaks RESP
/// over a raw socket itself (PING, FLUSHALL), so it needs no Redis client library. It can simulate a hung Redis
/// (<see cref="Pause"/>: SIGSTOP), a Redis that is down (<see cref="StopAsync"/>) and one that comes back on the same
/// port (<see cref="RestartAsync"/>). Linked into every test project by tests/Directory.Build.props.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    /// <summary>How to get <c>redis-server</c> when it is missing; <c>.ci/run</c> does it.</summary>
    public const string InstallCommand = "apt-get install -y redis-server";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(2);
    private const int PortAttempts = 5;

    private readonly StringBuilder _log = new();
    private Process? _process;
    private bool _paused;

    private RedisServer(int port) => Port = port;

    /// <summary>The loopback port the server listens on; the same after <see cref="RestartAsync"/>.</summary>
    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for the server: <c>127.0.0.1:Port</c>.</summary>
    public string ConnectionString => "127.0.0.1:" + Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What the server and the fixture have written so far (start-up, warnings, stops and restarts).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>
    /// Starts a server on a free loopback port and returns once it answers PING. A port another process took between
    /// the look-up and the start is retried on a new one.
    /// </summary>
    /// <exception cref="InvalidOperationException">redis-server is not installed, or did not start (the message
    /// carries its log).</exception>
    public static async Task<RedisServer> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = new RedisServer(FreeLoopbackPort());
            try
            {
                await server.LaunchAsync().ConfigureAwait(false);
                return server;
            }
            catch (PortTakenException) when (attempt < PortAttempts)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>Deletes every key (FLUSHALL).</summary>
    public async Task FlushAllAsync()
    {
        var reply = await SendAsync("FLUSHALL", CommandTimeout, CancellationToken.None).ConfigureAwait(false);
        if (reply != "+OK")
        {
            throw new InvalidOperationException($"FLUSHALL on {ConnectionString} answered '{reply}'.{Environment.NewLine}{Log}");
        }
    }

    /// <summary>
    /// Freezes the server (SIGSTOP): it keeps its port and its connections, and the kernel still accepts new ones, but
    /// nothing is answered until <see cref="Resume"/> — a hung or very slow Redis.
    /// </summary>
    public void Pause()
    {
        Signal("STOP");
        _paused = true;
    }

    /// <summary>Lets a paused server run again (SIGCONT); what it was sent meanwhile is then answered.</summary>
    public void Resume()
    {
        if (_paused)
        {
            Signal("CONT");
            _paused = false;
        }
    }

    /// <summary>Kills the server: Redis is down, its connections are closed, its port refuses. Data is lost.</summary>
    public async Task StopAsync()
    {
        var process = _process;
        if (process is null)
        {
            return;
        }

        _process = null;
        if (!process.HasExited)
        {
            // A stopped process dies of SIGKILL too, but resuming first leaves no chance of a stopped one behind.
            Resume();
            process.Kill(entireProcessTree: true);
        }

        using var bound = new CancellationTokenSource(StartTimeout);
        await process.WaitForExitAsync(bound.Token).ConfigureAwait(false);
        _paused = false;
        process.Dispose();
        Append("[fixture] redis-server stopped");
    }

    /// <summary>Starts the server again on the same port (empty: there is no persistence), once it answers PING.</summary>
    public async Task RestartAsync()
    {
        await StopAsync().ConfigureAwait(false);

        // The port was ours a moment ago; another process could have taken it since. Give it a few tries.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await LaunchAsync().ConfigureAwait(false);
                return;
            }
            catch (PortTakenException) when (attempt < PortAttempts)
            {
                await Task.Delay(200).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Kills the server (resumed first if paused).</summary>
    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task LaunchAsync()
    {
        var start = new ProcessStartInfo("redis-server")
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--save", "", "--appendonly", "no", "--protected-mode", "yes", "--loglevel", "warning",
        })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"The Redis tests need a real redis-server on the PATH, and there is none ({e.Message}). Install it: " +
                $"`{InstallCommand}` (as root; `bash .ci/run` does it when it is missing).", e);
        }

        _process = process;
        Append($"[fixture] redis-server (pid {process.Id}) starting on {ConnectionString}");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        string? lastReply = null;
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                process.WaitForExit(); // drains the redirected output into the log
                _process = null;
                var log = Log;
                var message = $"redis-server on {ConnectionString} exited with code {process.ExitCode} during start-up.{Environment.NewLine}{log}";
                process.Dispose();
                throw log.Contains("Address already in use", StringComparison.Ordinal)
                    ? new PortTakenException(message)
                    : new InvalidOperationException(message);
            }

            try
            {
                lastReply = await SendAsync("PING", TimeSpan.FromMilliseconds(500), CancellationToken.None).ConfigureAwait(false);
                if (lastReply == "+PONG")
                {
                    return;
                }
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
            {
                lastReply = e.GetType().Name + ": " + e.Message;
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        throw new InvalidOperationException(
            $"redis-server on {ConnectionString} did not answer PING with +PONG within {StartTimeout.TotalSeconds} s " +
            $"(last: {lastReply ?? "nothing"}).{Environment.NewLine}{Log}");
    }

    /// <summary>Sends one command without arguments as a RESP array and returns the first line of the reply.</summary>
    private async Task<string> SendAsync(string command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Port), bound.Token).ConfigureAwait(false);
        var request = Encoding.ASCII.GetBytes($"*1\r\n${command.Length}\r\n{command}\r\n");
        await socket.SendAsync(request, SocketFlags.None, bound.Token).ConfigureAwait(false);

        var reply = new StringBuilder();
        var buffer = new byte[256];
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, bound.Token).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException($"redis-server on {ConnectionString} closed the connection before answering {command} (got '{reply}').");
            }

            reply.Append(Encoding.ASCII.GetString(buffer, 0, read));
            var end = reply.ToString().IndexOf("\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                return reply.ToString(0, end);
            }
        }
    }

    private void Signal(string signal)
    {
        var process = _process ?? throw new InvalidOperationException($"redis-server on {ConnectionString} is not running.");

        // Process.Kill can only end a process; `kill -STOP`/`kill -CONT` (the shell's built-in) pause and resume it.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", "kill -" + signal + " \"$1\"", "sh", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var kill = Process.Start(start)!;
        var error = kill.StandardError.ReadToEnd();
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {process.Id} failed ({kill.ExitCode}): {error}");
        }

        Append($"[fixture] redis-server (pid {process.Id}) sent SIG{signal}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>redis-server could not bind its port: another process has it. Start-up tries another.</summary>
    private sealed class PortTakenException(string message) : InvalidOperationException(message);
}
