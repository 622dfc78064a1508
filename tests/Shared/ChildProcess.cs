using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Cymbio.Tests.Shared;

/// <summary>
/// A program the tests start as a user would (<c>dotnet app.dll …</c>) and talk to while it runs: its standard output
/// and error read line by line as they are printed, signals sent as Ctrl+C or a service manager would. Disposing stops
/// it with SIGTERM and kills it if it has not exited within a few seconds. (<see cref="DotnetProcess"/> runs a program
/// to its end instead.)
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<string> _lines = [];

    private ChildProcess(Process process) => _process = process;

    /// <summary>Everything the process printed so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Whether the process has exited; once it has, everything it printed is in <see cref="Output"/>.</summary>
    public bool HasExited
    {
        get
        {
            if (!_process.HasExited)
            {
                return false;
            }

            // The process can exit before its last lines were read: this overload waits for the redirected output's end.
            _process.WaitForExit();
            return true;
        }
    }

    /// <summary>The exit code, once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <c>dotnet <paramref name="assembly"/> <paramref name="arguments"/></c> in <paramref name="directory"/>.</summary>
    public static ChildProcess StartDotnet(string assembly, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = new Process { StartInfo = start };
        var running = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => running.Append(e.Data);
        process.ErrorDataReceived += (_, e) => running.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>
    /// Waits until a printed line satisfies <paramref name="match"/> and returns it; fails with everything printed if
    /// the process exits first or <paramref name="timeout"/> passes.
    /// </summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            lock (_output)
            {
                if (_lines.FirstOrDefault(match) is { } line)
                {
                    return line;
                }
            }

            if (HasExited)
            {
                throw new InvalidOperationException($"The process exited with {_process.ExitCode} before printing the expected line.{Environment.NewLine}{Output}");
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The process did not print the expected line within {timeout}.{Environment.NewLine}{Output}");
    }

    /// <summary>Sends SIGTERM and waits up to <paramref name="timeout"/> for the process to exit; true when it did.</summary>
    public Task<bool> TerminateAsync(TimeSpan timeout) => StopAsync("TERM", timeout);

    /// <summary>Sends SIGINT (what Ctrl+C sends) and waits up to <paramref name="timeout"/> for the process to exit; true when it did.</summary>
    public Task<bool> InterruptAsync(TimeSpan timeout) => StopAsync("INT", timeout);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!await TerminateAsync(TimeSpan.FromSeconds(10)))
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task<bool> StopAsync(string signal, TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return true;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, _process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync();
        }

        using var waiting = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(waiting.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            _lines.Add(line);
        }
    }
}
