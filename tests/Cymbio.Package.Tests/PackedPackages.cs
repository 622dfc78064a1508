using System;
using System.Globalization;
using System.IO;
using Cymbio.Tests.Shared;
using Xunit;

namespace Cymbio.Package.Tests;

/// <summary>
/// Cymbio.Client and Cymbio.Api packed once, as they would ship, into a folder feed that the package tests' consumers
/// restore from. The projects are already built (the test project references them), so packing does not build.
/// </summary>
public sealed class PackedPackages : IDisposable
{
    /// <summary>The Refit versions Cymbio.Client declares (Refit and Refit.HttpClientFactory), as its nuspec writes them.</summary>
    public const string ClientRefitRange = "[16.4.0, 18.0.0)";

    /// <summary>The Refit versions Cymbio.Api declares (Refit and Refit.HttpClientFactory): its Refit-generated code needs 17.</summary>
    public const string ApiRefitRange = "[17.0.0, 18.0.0)";

    /// <summary>Initializes the feed: packs both packages under a version no cache has seen.</summary>
    public PackedPackages()
    {
        Work = Path.Combine(Path.GetTempPath(), "cymbio-package-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Work, "feed");
        Directory.CreateDirectory(Feed);
        Configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0/
        Version = "0.1.0-pkgtest." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        Pack("src/Cymbio.Client/Cymbio.Client.csproj");
        Pack("src/Cymbio.Api/Cymbio.Api.csproj");
        Pack("src/Cymbio.Emulator/Cymbio.Emulator.csproj");
    }

    /// <summary>Gets the temporary folder of the feed and the consumers; deleted on dispose.</summary>
    public string Work { get; }

    /// <summary>Gets the folder feed.</summary>
    public string Feed { get; }

    /// <summary>Gets the configuration the repository was built in (the test's own).</summary>
    public string Configuration { get; }

    /// <summary>Gets the version both packages were packed as.</summary>
    public string Version { get; }

    /// <summary>Gets the path of the package <paramref name="id"/> in the feed.</summary>
    public string PackagePath(string id) => Path.Combine(Feed, id + "." + Version + ".nupkg");

    /// <summary>Creates an empty consumer folder named <paramref name="name"/>, restoring from the feed.</summary>
    public string NewConsumer(string name)
    {
        var consumer = Path.Combine(Work, name);
        Directory.CreateDirectory(consumer);
        PackageFeed.WriteNuGetConfig(consumer, Feed);
        return consumer;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Work, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is not a test failure.
        }
    }

    private void Pack(string project)
    {
        var arguments = PackageFeed.PackArguments(project, Configuration, Feed, Version);
        var (exitCode, output) = DotnetProcess.Run(Repository.Root, arguments, TimeSpan.FromMinutes(5));
        Assert.True(exitCode == 0, $"dotnet {string.Join(' ', arguments)} exited with {exitCode}:\n{output}");
    }
}
