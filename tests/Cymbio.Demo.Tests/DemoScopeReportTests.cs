using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Cymbio.Generators;
using Cymbio.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Cymbio.Demo.Tests;

/// <summary>
/// The demo's scope report (issue 14), from the generator run over the demo's own sources as the build runs it: the
/// required scopes with their call sites, and how a call added or removed changes them.
/// </summary>
public sealed class DemoScopeReportTests
{
    private const string Sync = "SupplierOrderSync.cs";

    [Fact]
    public void TheReport_ListsTheDemosScopes_WithTheirCallSites_AndMatchesTheBuild()
    {
        var report = Report(DemoSources());

        Assert.Equal(CymbioRequiredScopes.All.ToArray(), Required(report));
        var shipped = report.GetProperty("scopes").EnumerateArray().Single(s => s.GetProperty("scope").GetString() == "write:fulfillments");
        Assert.Contains(shipped.GetProperty("calls").EnumerateArray(), c => c.GetProperty("file").GetString() == Sync && c.GetProperty("calls").GetString() == "FulfillmentsClient.ShipAsync" && c.GetProperty("method").GetString() == "SupplierOrderSync.ShipAsync");
        Assert.All(report.GetProperty("grants").EnumerateArray(), g => Assert.True(g.GetProperty("used").GetBoolean(), g.ToString()));
        Assert.Empty(report.GetProperty("overGranted").EnumerateArray());
    }

    [Fact]
    public void AScopeAddedToACall_ShowsUp_AndARemovedCall_DropsIt()
    {
        var sources = DemoSources();
        var sync = sources[Sync];

        // Read the warehouses' variants too: a call needing read:variants.
        const string Anchor = "report.Warehouse = warehouse;";
        Assert.Contains(Anchor, sync, StringComparison.Ordinal);
        var added = Report(With(sources, sync.Replace(Anchor, Anchor + " await _supplier.Catalog.ListVariantsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);", StringComparison.Ordinal)));
        Assert.Contains("read:variants", Required(added));

        // No more inventory push: write:inventory has no call left.
        const string Push = "await _supplier.Inventory.SetLevelsAsync(warehouse.Id, levels, cancellationToken).ConfigureAwait(false);";
        Assert.Contains(Push, sync, StringComparison.Ordinal);
        var removed = Report(With(sources, sync.Replace(Push, string.Empty, StringComparison.Ordinal)));
        Assert.DoesNotContain("write:inventory", Required(removed));
        Assert.Contains("write:inventory", Required(Report(sources)));
    }

    private static string[] Required(JsonElement report) => report.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static Dictionary<string, string> With(Dictionary<string, string> sources, string sync) => new(sources, StringComparer.Ordinal) { [Sync] = sync };

    private static Dictionary<string, string> DemoSources() =>
        Directory.GetFiles(Repository.PathOf("src", "Cymbio.Demo"), "*.cs").ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);

    /// <summary>Runs the generator over <paramref name="sources"/> with the demo's references and the report asked for.</summary>
    private static JsonElement Report(Dictionary<string, string> sources)
    {
        var directory = Repository.PathOf("src", "Cymbio.Demo");
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "Cymbio.Demo",
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Value, parse, Path.Combine(directory, s.Key))),
            References(),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(
            [new ScopeGenerator().AsSourceGenerator()],
            parseOptions: parse,
            optionsProvider: new ReportOptions(directory));
        var result = driver.RunGenerators(compilation).GetRunResult();
        var text = result.Results.Single().GeneratedSources.Single(s => s.HintName == "Cymbio.ScopeReport.g.cs").SourceText.ToString();
        var json = string.Join("\n", text.Split('\n').Where(l => l.StartsWith("// json|", StringComparison.Ordinal)).Select(l => l.Length > 9 ? l[9..] : string.Empty));
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    /// <summary>The framework and every assembly beside the tests (the demo's own references among them), but the demo's.</summary>
    private static IEnumerable<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        // Not the demo itself (the compilation is the demo) nor these tests: both are among the trusted assemblies.
        return platform.Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
            .Where(f => !Path.GetFileName(f).StartsWith("Cymbio.Demo", StringComparison.Ordinal))
            .GroupBy(Path.GetFileName)
            .Select(g => MetadataReference.CreateFromFile(g.First()));
    }

    private sealed class ReportOptions(string directory) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>
        {
            ["build_property.CymbioScopeReport"] = "true",
            ["build_property.MSBuildProjectDirectory"] = directory,
        });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.None;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Options None = new([]);

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
