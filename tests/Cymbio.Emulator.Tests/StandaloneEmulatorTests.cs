using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cymbio.Emulator.Tests.Infrastructure;
using Cymbio.Tests.Shared;
using Xunit;

namespace Cymbio.Emulator.Tests;

/// <summary>The emulator as a command-line program (<c>dotnet run --project src/Cymbio.Emulator -- --port …</c>).</summary>
public sealed class StandaloneEmulatorTests
{
    private static string EmulatorDll => Path.Combine(AppContext.BaseDirectory, "Cymbio.Emulator.dll");

    [Fact]
    public void Help_DescribesTheOptions_AndUnknownOptionsFail()
    {
        var (helpExit, help) = DotnetProcess.Run(AppContext.BaseDirectory, [EmulatorDll, "--help"], TimeSpan.FromMinutes(1));
        var (badExit, bad) = DotnetProcess.Run(AppContext.BaseDirectory, [EmulatorDll, "--no-such-option"], TimeSpan.FromMinutes(1));

        Assert.Equal(0, helpExit);
        Assert.Contains("--port", help, StringComparison.Ordinal);
        Assert.Contains("--token-shape", help, StringComparison.Ordinal);
        Assert.NotEqual(0, badExit);
        Assert.Contains("--no-such-option", bad, StringComparison.Ordinal);
    }
}
