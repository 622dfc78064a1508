using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Cymbio.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace Cymbio.Package.Tests;

/// <summary>
/// The packed Cymbio.Emulator as a user gets it: its package declares Cymbio.Api and ASP.NET Core, and a fresh xunit
/// project whose only test is the C# block of the emulator's README restores it from the feed and passes.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class EmulatorPackageTests
{
    private readonly ITestOutputHelper _output;
    private readonly PackedPackages _packages;

    public EmulatorPackageTests(PackedPackages packages, ITestOutputHelper output)
    {
        _packages = packages;
        _output = output;
    }

    private static string ReadmePath => Repository.PathOf("docs", "emulator", "README.md");

    [Fact]
    public void EmulatorPackage_DependsOnTheSameCymbioApi_AndAspNetCore_AndCarriesItsReadme()
    {
        using var archive = ZipFile.OpenRead(_packages.PackagePath("Cymbio.Emulator"));
        using var reader = new StreamReader(archive.GetEntry("Cymbio.Emulator.nuspec")!.Open());
        var nuspec = reader.ReadToEnd();

        Assert.Contains($"<dependency id=\"Cymbio.Api\" version=\"[{_packages.Version}]\"", nuspec);
        Assert.Contains("<frameworkReference name=\"Microsoft.AspNetCore.App\" />", nuspec);
        Assert.Contains(archive.Entries, static entry => entry.FullName == "lib/net10.0/Cymbio.Emulator.dll");
        using var readme = new StreamReader(archive.GetEntry("README.md")!.Open());
        Assert.Equal(File.ReadAllText(ReadmePath), readme.ReadToEnd());
    }

    [Fact]
    public void AnXunitProject_WithTheReadmesTest_PassesAgainstThePackedEmulator()
    {
        var consumer = _packages.NewConsumer("consumer-emulator");
        var template = Path.Combine(AppContext.BaseDirectory, "Consumer", "Emulator", "Consumer.csproj.txt");
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), File.ReadAllText(template)
            .Replace("$CYMBIO_VERSION$", _packages.Version, StringComparison.Ordinal)
            .Replace("$TEST_SDK_VERSION$", PinnedVersion("Microsoft.NET.Test.Sdk"), StringComparison.Ordinal)
            .Replace("$XUNIT_VERSION$", PinnedVersion("xunit"), StringComparison.Ordinal)
            .Replace("$XUNIT_RUNNER_VERSION$", PinnedVersion("xunit.runner.visualstudio"), StringComparison.Ordinal));
        var snippet = Assert.Single(ReadmeSnippets.Extract(File.ReadAllText(ReadmePath)));
        File.WriteAllText(Path.Combine(consumer, "OrderSyncTests.cs"), ReadmeSnippets.ToSource(snippet, ReadmePath, "Unused"));

        var (exitCode, output) = DotnetProcess.Run(consumer, ["test", "-c", "Release"], LoggedDotnet.Timeout);
        _output.WriteLine(output);

        Assert.True(exitCode == 0, $"dotnet test exited with {exitCode}:\n{output}");
        Assert.Matches(@"Passed!\s+-\s+Failed:\s+0,\s+Passed:\s+1,", output);
    }

    /// <summary>The version this repository pins for <paramref name="id"/> (Directory.Packages.props).</summary>
    private static string PinnedVersion(string id) =>
        XDocument.Load(Repository.PathOf("Directory.Packages.props")).Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == id).Attribute("Version")!.Value;
}
