using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cymbio.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace Cymbio.Package.Tests;

/// <summary>
/// A fresh consumer of the packed Cymbio.Api (which brings Cymbio.Client): it holds the package README's C# blocks, is
/// published trimmed and self-contained without a trim warning from our assemblies, calls Cymbio through the generated
/// supplier client (without and with dependency injection), and reports a mis-scoped call at that call and nowhere
/// else.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ApiPackageTests
{
    /// <summary>A call that needs <c>write:inventory</c> under grants that lack it; its diagnostics are expected at (9,84), <c>SetLevelsAsync</c>.</summary>
    private const string MisScoped = """
        using System.Threading.Tasks;
        using Cymbio;
        using Cymbio.Api;
        using Cymbio.Api.Suppliers;
        namespace Consumer;
        public static class StockPush
        {
            [CymbioGrants(CymbioScopes.ReadInventory)]
            public static Task PushAsync(CymbioClient cymbio) => cymbio.Supplier.Inventory.SetLevelsAsync(1, [InventoryLevel.BySku("A-1", 5)]);
        }
        """;

    private static readonly string[] PublishArguments = { "-c", "Release", "-r", "linux-x64", "--self-contained", "-p:PublishTrimmed=true" };

    private readonly ITestOutputHelper _output;
    private readonly PackedPackages _packages;

    public ApiPackageTests(PackedPackages packages, ITestOutputHelper output)
    {
        _packages = packages;
        _output = output;
    }

    private static string ReadmePath => Repository.PathOf("docs", "package", "README.md");

    [Fact]
    public void ApiPackage_DeclaresItsRefitAndClient_AndCarriesNoAnalyzers()
    {
        using var archive = ZipFile.OpenRead(_packages.PackagePath("Cymbio.Api"));
        using var reader = new StreamReader(archive.GetEntry("Cymbio.Api.nuspec")!.Open());
        var nuspec = reader.ReadToEnd();
        Assert.Contains($"<dependency id=\"Refit\" version=\"{PackedPackages.ApiRefitRange}\"", nuspec);
        Assert.Contains($"<dependency id=\"Refit.HttpClientFactory\" version=\"{PackedPackages.ApiRefitRange}\"", nuspec);
        // The same Cymbio.Client, with its analyzers and build props (NuGet would exclude them by default).
        Assert.Contains($"<dependency id=\"Cymbio.Client\" version=\"[{_packages.Version}]\" include=\"All\" />", nuspec);
        Assert.Contains("<readme>README.md</readme>", nuspec);

        // The generator and analyzers come once, from Cymbio.Client; Cymbio.Api has only its library.
        Assert.DoesNotContain(archive.Entries, entry => entry.FullName.StartsWith("analyzers/", StringComparison.Ordinal) || entry.FullName.StartsWith("build", StringComparison.Ordinal));
        Assert.Contains(archive.Entries, entry => entry.FullName == "lib/net10.0/Cymbio.Api.dll");

        // Both packages carry the consumers' README.
        var readme = File.ReadAllText(ReadmePath);
        Assert.Equal(readme, ReadEntry(archive, "README.md"));
        using var client = ZipFile.OpenRead(_packages.PackagePath("Cymbio.Client"));
        Assert.Equal(readme, ReadEntry(client, "README.md"));
    }

    [Fact]
    public void ApiConsumer_WithTheReadmeSnippets_PublishesTrimmed_CallsCymbio_AndReportsAMisScopedCallOnlyThere()
    {
        var consumer = _packages.NewConsumer("consumer-api");
        var template = Path.Combine(AppContext.BaseDirectory, "Consumer", "Api");
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), File.ReadAllText(Path.Combine(template, "Consumer.csproj.txt")).Replace("$CYMBIO_VERSION$", _packages.Version));
        File.Copy(Path.Combine(template, "Program.cs.txt"), Path.Combine(consumer, "Program.cs"));
        var snippets = ReadmeSnippets.Extract(File.ReadAllText(ReadmePath));
        Assert.True(snippets.Count >= 5, $"Expected the README's C# blocks, found {snippets.Count}.");
        for (var i = 0; i < snippets.Count; i++)
        {
            File.WriteAllText(Path.Combine(consumer, $"ReadmeSnippet{i + 1:00}.cs"), ReadmeSnippets.ToSource(snippets[i], ReadmePath, $"ReadmeSnippet{i + 1:00}"));
        }

        // Every README block compiles (warnings are errors), and the app trims without a warning from our assemblies.
        var (exitCode, published) = DotnetProcess.Run(consumer, ["publish", .. PublishArguments, "-o", "out"], LoggedDotnet.Timeout);
        _output.WriteLine(published);
        var readmeErrors = published.Split('\n').Where(static line => line.Contains("README.md(", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(readmeErrors.Count == 0, "The package README's C# blocks do not compile:\n" + string.Join('\n', readmeErrors));
        Assert.True(exitCode == 0, $"dotnet publish exited with {exitCode}:\n{published}");
        var trimWarnings = published.Split('\n').Where(static line => Regex.IsMatch(line, @"\bIL[23]\d{3}\b")).Distinct().ToList();
        Assert.DoesNotContain(trimWarnings, static line => line.Contains("Cymbio", StringComparison.OrdinalIgnoreCase));

        // The trimmed app calls Cymbio (in memory) through the generated client, with the bearer token.
        var (runExit, ran) = DotnetProcess.RunProgram(Path.Combine(consumer, "out", "Consumer"), consumer, [], TimeSpan.FromMinutes(1));
        _output.WriteLine(ran);
        Assert.True(runExit == 0, $"The published consumer exited with {runExit}:\n{ran}");
        Assert.Equal(
            new[]
            {
                "GET /v3/suppliers/88/fulfillments (bearer)",
                "CymbioClient: 1 fulfillment, #929 new for Contoso",
                "GET /v3/suppliers/88/fulfillments (bearer)",
                "AddSupplier: 1 fulfillment, #929 new for Contoso",
            },
            ran.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        // A mis-scoped call: the one error of the build, at the call, reported once (the analyzers load once).
        File.WriteAllText(Path.Combine(consumer, "MisScoped.cs"), MisScoped);
        var sarif = Path.Combine(consumer, "diagnostics.sarif");
        var failed = LoggedDotnet.Run(_output, consumer, false, ["build", .. PublishArguments, $"-p:ErrorLog={sarif}%2Cversion=2.1"]);
        const string Expected = "MisScoped.cs(9,84): error CYM0012: 'InventoryClient.SetLevelsAsync' requires 'write:inventory', which is not granted by [CymbioGrants] on 'StockPush.PushAsync'";
        var diagnostics = CymbioDiagnostics(sarif);
        _output.WriteLine(string.Join('\n', diagnostics));
        Assert.Contains(Expected, failed);
        Assert.Equal(
            new[] { Expected },
            diagnostics.Where(static d => d.Contains(": error ", StringComparison.Ordinal) || d.Contains(": warning ", StringComparison.Ordinal)));
        // Outside the README's blocks (which draw notes only, such as CYM0017), nothing else: the call's note that its
        // endpoint is inferred, and the note that the grant it was given serves no call.
        Assert.Equal(
            new[]
            {
                "MisScoped.cs(8,19): note CYM0014: 'read:inventory' is granted by [CymbioGrants] on 'StockPush.PushAsync' but no call in this project requires it",
                Expected,
                "MisScoped.cs(9,84): note CYM0017: 'InventoryClient.SetLevelsAsync' calls Cymbio endpoint I-14, whose method and path are a reconstruction that no public Cymbio source shows; check them against your account's Cymbio documentation",
            },
            diagnostics.Where(static d => !d.StartsWith("README.md(", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    /// <summary>The CYM diagnostics of a SARIF 2.1 log, as <c>File.cs(line,col): level ID: message</c>, sorted.</summary>
    private static List<string> CymbioDiagnostics(string sarif)
    {
        using var log = JsonDocument.Parse(File.ReadAllText(sarif));
        var diagnostics = new List<string>();
        foreach (var run in log.RootElement.GetProperty("runs").EnumerateArray())
        {
            foreach (var result in run.GetProperty("results").EnumerateArray())
            {
                var id = result.GetProperty("ruleId").GetString()!;
                if (!id.StartsWith("CYM", StringComparison.Ordinal))
                {
                    continue;
                }

                var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                var file = Path.GetFileName(new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath);
                var region = location.GetProperty("region");
                diagnostics.Add($"{file}({region.GetProperty("startLine").GetInt32()},{region.GetProperty("startColumn").GetInt32()}): {result.GetProperty("level").GetString()} {id}: {result.GetProperty("message").GetProperty("text").GetString()}");
            }
        }

        diagnostics.Sort(StringComparer.Ordinal);
        return diagnostics;
    }

    private static string ReadEntry(ZipArchive archive, string name)
    {
        using var reader = new StreamReader(archive.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
