using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;

namespace Cymbio.Tests.Shared;

/// <summary>Runs the <c>dotnet</c> CLI as a child process, as a user would, for the tests that build real projects.</summary>
internal static class DotnetProcess
{
    /// <summary>
    /// Runs <c>dotnet <paramref name="arguments"/></c> in <paramref name="directory"/> and returns its exit code and
    /// its standard output and error, interleaved. A run longer than <paramref name="timeout"/> is killed with its
    /// children and reported as <see cref="TimeoutException"/> carrying what it printed.
    /// </summary>
    public static (int ExitCode, string Output) Run(string directory, IEnumerable<string> arguments, TimeSpan timeout) =>
        RunProgram("dotnet", directory, arguments, timeout);

    /// <summary>
    /// Runs <paramref name="program"/> (the <c>dotnet</c> CLI, or an app it built) as <see cref="Run"/> does.
    /// </summary>
    public static (int ExitCode, string Output) RunProgram(string program, string directory, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var list = arguments.ToList();
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in list)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs inside MSBuild's environment; a child build must start from a clean one.
        foreach (var key in start.Environment.Keys.Where(static k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

        var text = new StringBuilder();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(text, e.Data);
        process.ErrorDataReceived += (_, e) => Append(text, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{program} {string.Join(' ', list)} did not finish in {timeout.TotalMinutes} minutes.{Environment.NewLine}{Snapshot(text)}");
        }

        process.WaitForExit(); // drains the redirected streams
        return (process.ExitCode, Snapshot(text));
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.AppendLine(line);
            }
        }
    }

    private static string Snapshot(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
