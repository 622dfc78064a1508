using System;
using Cymbio.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace Cymbio.Package.Tests;

/// <summary>Runs the <c>dotnet</c> CLI for a package test, writes what it printed to the test's output, and checks its exit code.</summary>
internal static class LoggedDotnet
{
    /// <summary>The longest a restore, build or publish of a consumer may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs <c>dotnet <paramref name="arguments"/></c> in <paramref name="directory"/>; returns what it printed.</summary>
    /// <param name="output">The test's output.</param>
    /// <param name="directory">The working directory.</param>
    /// <param name="expectSuccess">Whether the command must succeed (or must fail).</param>
    /// <param name="arguments">The arguments.</param>
    public static string Run(ITestOutputHelper output, string directory, bool expectSuccess, params string[] arguments)
    {
        var (exitCode, text) = DotnetProcess.Run(directory, arguments, Timeout);
        output.WriteLine($"$ dotnet {string.Join(' ', arguments)} (exit {exitCode})");
        output.WriteLine(text);
        Assert.True(expectSuccess == (exitCode == 0), $"dotnet {string.Join(' ', arguments)} exited with {exitCode}:\n{text}");
        return text;
    }
}
