using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Cymbio.Emulator.Tests.Infrastructure;

/// <summary>
/// The emulator as a user runs it: <c>dotnet Cymbio.Emulator.dll …</c> in its own process, its standard output read
/// line by line as it is printed. Disposing stops it with SIGTERM (as Ctrl+C or a service manager would) and kills
/// it if it has not exited within a few seconds.
/// </summary>
internal sealed class StandaloneEmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<string> _lines = [];

    private StandaloneEmulatorProcess(Process process) => _process = process;

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

    /// <summary>Whether the process has exited.</summary>
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

    /// <summary>Starts <c>dotnet Cymbio.Emulator.dll <paramref name="arguments"/></c> from the test's output folder.</summary>
    public static StandaloneEmulatorProcess Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Cymbio.Emulator.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = new Process { StartInfo = start };
        var running = new StandaloneEmulatorProcess(process);
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

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The emulator exited with {_process.ExitCode} before printing the expected line.{Environment.NewLine}{Output}");
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The emulator did not print the expected line within {timeout}.{Environment.NewLine}{Output}");
    }

    /// <summary>Sends SIGTERM and waits up to <paramref name="timeout"/> for the process to exit; true when it did.</summary>
    public async Task<bool> TerminateAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return true;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!)
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
