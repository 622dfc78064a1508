using System;
using System.Diagnostics;
using System.IO;
using Cymbio.Tests.Shared;
using Xunit;

namespace Cymbio.Demo.Tests;

/// <summary>The built demo as a user runs it: a separate process, no configuration, the embedded emulator.</summary>
public sealed class DemoProcessTests
{
    [Fact]
    public void TheBuiltDemo_WithNoConfiguration_SucceedsAndPrintsTheSummary_WithinAMinute()
    {
        // The test binaries are in tests/Cymbio.Demo.Tests/bin/<Configuration>/net10.0/; the demo was built alongside.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var demo = Repository.PathOf("src", "Cymbio.Demo", "bin", configuration, "net10.0", "Cymbio.Demo.dll");
        Assert.True(File.Exists(demo), $"{demo} was not built");
        var watch = Stopwatch.StartNew();

        var (exitCode, output) = DotnetProcess.Run(Repository.Root, [demo], TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, $"exit code {exitCode}{Environment.NewLine}{output}");
        Assert.Contains("Summary", output, StringComparison.Ordinal);
        Assert.Contains("Calls by operation", output, StringComparison.Ordinal);
        Assert.Contains("Token requests: 1", output, StringComparison.Ordinal);
        Assert.Contains("Scopes used ⊆ granted: yes", output, StringComparison.Ordinal);
        Assert.Contains("Refused before sending", output, StringComparison.Ordinal);
        Assert.Contains("Requested scopes = required scopes: yes", output, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }
}
