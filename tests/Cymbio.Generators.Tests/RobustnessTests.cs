using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Cymbio.Tests.Shared.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace Cymbio.Generators.Tests;

/// <summary>docs/reliability.md H1–H4 and H6: no input crashes the generator or the analyzer, and output is deterministic.</summary>
public sealed class RobustnessTests
{
    private readonly ITestOutputHelper _output;

    public RobustnessTests(ITestOutputHelper output) => _output = output;

    private static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", name));

    private static IEnumerable<string> SampleNames() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Samples"), "*.cs").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal)!;

    public static TheoryData<string, string> MalformedManifests() => new()
    {
        { "invalid JSON", "{ \"scopes\": [ { \"name\": \"read:x\" }" },
        { "wrong value type", "{ \"scopes\": { \"name\": \"read:x\" } }" },
        { "duplicate keys", "{ \"grants\": [], \"grants\": [] }" },
        { "empty file", string.Empty },
        { "scope with a space", "{ \"scopes\": [ { \"name\": \"read:x y\" } ] }" },
        { "scope with a quote", "{ \"scopes\": [ { \"name\": \"read:x\\\"y\" } ] }" },
        { "scope with a backslash", "{ \"scopes\": [ { \"name\": \"read:x\\\\y\" } ] }" },
        { "unknown member", "{ \"operations\": { \"ListAsync\": \"read:orders\" } }" },
        { "array at the root", "[ \"read:orders\" ]" },
        { "deep nesting", new string('[', 200) + new string(']', 200) },
        { "binary junk", "\u0000\u0001\u0002{\"" },
    };

    [Theory]
    [MemberData(nameof(MalformedManifests))]
    public void MalformedManifest_OneDiagnosticInTheFile_NoCrash_InterfacesStillGenerated(string name, string manifest)
    {
        var outcome = RoslynTestEnvironment.Run(RoslynTestEnvironment.Compile(Sample("FulfillmentsApi.cs")), RoslynTestEnvironment.Manifest(manifest));

        Assert.Empty(outcome.Crashes);
        Assert.Empty(outcome.Exceptions);
        var inManifest = outcome.Cymbio.Where(d => d.Location.GetLineSpan().Path == "/0/scopes.json").ToList();
        Assert.True(inManifest.Count == 1, $"{name}: expected one diagnostic in scopes.json, got: {string.Join("; ", inManifest)}");
        Assert.Contains("Samples.Supplier.IFulfillmentsApi.CymbioScopes.g.cs", outcome.HintNames);
        Assert.DoesNotContain(outcome.Errors, d => !d.Id.StartsWith("CYM", StringComparison.Ordinal));
        Assert.Empty(outcome.ErrorsInGeneratedCode);
    }

    public static TheoryData<string, string> BrokenCode() => new()
    {
        { "missing parenthesis", """
            using System.Threading.Tasks; using Cymbio; using Refit;
            [CymbioScope(CymbioScopes.ReadOrders]
            public interface IApi { [Get("/a")] Task<string> AAsync(; }
            """ },
        { "missing type", """
            using Cymbio; using Refit;
            [CymbioScope(CymbioScopes.ReadOrders)]
            public interface IApi { [Get("/a")] Task<Missing> AAsync(NotAType x); }
            """ },
        { "attribute on a field", """
            using Cymbio;
            public class C { [CymbioScope(CymbioScopes.ReadOrders)] public int Field; }
            """ },
        { "generic method", """
            using System.Threading.Tasks; using Cymbio; using Refit;
            public interface IApi { [Get("/a/{id}")] [CymbioScope(CymbioScopes.ReadOrders)] Task<T> GetAsync<T>(T id) where T : struct; }
            """ },
        { "missing partial", """
            using System.Threading.Tasks; using Cymbio; using Refit;
            [CymbioScope(CymbioScopes.ReadOrders)] public interface IApi { [Get("/a")] Task AAsync(); }
            public interface IApi { [Get("/b")] Task BAsync(); }
            """ },
        { "no Refit reference", """
            using System.Threading.Tasks; using Cymbio;
            [CymbioScope(CymbioScopes.ReadOrders)] public interface IApi { [Get("/a")] Task AAsync(); }
            """ },
        { "duplicate internal copies of the attribute types", """
            using System.Threading.Tasks; using Refit;
            namespace Cymbio
            {
                [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)] internal sealed class CymbioScopeAttribute : System.Attribute { public CymbioScopeAttribute(params string[] s) { } }
                [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)] internal sealed class CymbioScopeDefinitionAttribute : System.Attribute { public CymbioScopeDefinitionAttribute(string n, string d) { } }
                [CymbioScope("read:orders")] public interface IApi { [Get("/a")] Task AAsync(); }
            }
            """ },
        { "scope argument of the wrong type", """
            using System.Threading.Tasks; using Cymbio; using Refit;
            [CymbioScope(42, null)] public interface IApi { [Get("/a")] Task AAsync(); }
            """ },
        { "null scopes array", """
            using System.Threading.Tasks; using Cymbio; using Refit;
            [CymbioScope(null)] public interface IApi { [Get(null)] Task AAsync(); }
            """ },
    };

    [Theory]
    [MemberData(nameof(BrokenCode))]
    public void BrokenCode_NeverCrashes_AndRecoveryMatchesAFreshRun(string name, string source)
    {
        var references = name == "no Refit reference" ? RoslynTestEnvironment.References.Remove(RoslynTestEnvironment.Refit) : RoslynTestEnvironment.References;
        var broken = RoslynTestEnvironment.Compile(new[] { (source, "/0/Api.cs") }, references);
        var outcome = RoslynTestEnvironment.Run(broken);
        Assert.Empty(outcome.Crashes);
        Assert.Empty(outcome.Exceptions);
        Assert.Empty(outcome.ErrorsInGeneratedCode);
        _output.WriteLine($"{name}: {string.Join("; ", outcome.Cymbio.Select(d => d.Id))}");

        // Fix the code, re-run the same driver, and compare with a fresh driver on the fixed code.
        var driver = RoslynTestEnvironment.CreateDriver().RunGenerators(broken);
        var fixedCompilation = RoslynTestEnvironment.Compile(new[] { (Sample("FulfillmentsApi.cs"), "/0/Api.cs") });
        var rerun = driver.RunGenerators(fixedCompilation).GetRunResult();
        var fresh = RoslynTestEnvironment.CreateDriver().RunGenerators(fixedCompilation).GetRunResult();
        Assert.Equal(Texts(fresh), Texts(rerun));
    }

    [Fact]
    public void WhileCompilerErrorsArePresent_OnlyRelevantScopeDiagnosticsAppear()
    {
        // The [Get] attribute cannot bind without Refit: the compiler reports it, and we stay quiet about the method.
        var source = """
            using System.Threading.Tasks; using Cymbio;
            [CymbioScope(CymbioScopes.ReadOrders)] public interface IApi { [Get("/a")] Task AAsync(); }
            """;
        var outcome = RoslynTestEnvironment.Run(RoslynTestEnvironment.Compile(new[] { (source, "/0/Api.cs") }, RoslynTestEnvironment.References.Remove(RoslynTestEnvironment.Refit)));
        Assert.Contains(outcome.AllDiagnostics, d => d.Id == "CS0246");
        Assert.Empty(outcome.Cymbio);
    }

    /// <summary>H3: prefixes and single-line deletions of the sample files, plus prefixes of the manifest.</summary>
    [Fact]
    public void PrefixAndLineDeletionFuzz_NeverCrashes()
    {
        var budget = int.TryParse(Environment.GetEnvironmentVariable("CYMBIO_FUZZ_CASES"), out var n) ? n : 520;
        var cases = FuzzCases(budget).ToList();
        Assert.True(cases.Count >= 500, $"Only {cases.Count} fuzz cases.");
        var manifest = TestInputs.RepositoryManifest;
        var crashes = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        foreach (var (label, source, manifestText) in cases)
        {
            var texts = manifestText is null ? Array.Empty<AdditionalText>() : new[] { RoslynTestEnvironment.Manifest(manifestText) };
            var outcome = RoslynTestEnvironment.Run(RoslynTestEnvironment.Compile(new[] { (source, "/0/Fuzz.cs") }), texts);
            crashes.AddRange(outcome.Crashes.Select(d => $"{label}: {d}"));
            crashes.AddRange(outcome.Exceptions.Select(e => $"{label}: {e.GetType().Name}: {e.Message}"));
            crashes.AddRange(outcome.ErrorsInGeneratedCode.Select(d => $"{label}: error in generated code: {d}"));
        }

        _output.WriteLine($"{cases.Count} fuzz cases in {stopwatch.Elapsed.TotalSeconds:F1} s.");
        Assert.True(crashes.Count == 0, string.Join(Environment.NewLine, crashes.Take(20)));
    }

    private static IEnumerable<(string Label, string Source, string? Manifest)> FuzzCases(int budget)
    {
        var samples = SampleNames().Select(name => (Name: name, Text: Sample(name))).ToList();
        var manifest = TestInputs.RepositoryManifest;
        var perFile = Math.Max(1, budget * 4 / 5 / samples.Count);
        foreach (var (name, text) in samples)
        {
            var lines = text.Split('\n');
            var deletions = Enumerable.Range(0, lines.Length).ToList();
            var prefixCount = Math.Max(1, perFile - deletions.Count);
            var step = Math.Max(1, text.Length / prefixCount);
            for (var length = 0; length < text.Length; length += step)
            {
                yield return ($"{name} prefix {length}", text.Substring(0, length), length % 2 == 0 ? manifest : null);
            }

            foreach (var line in deletions)
            {
                yield return ($"{name} without line {line + 1}", string.Join('\n', lines.Where((_, i) => i != line)), manifest);
            }
        }

        var manifestCases = Math.Max(1, budget / 5);
        var manifestStep = Math.Max(1, manifest.Length / manifestCases);
        for (var length = 0; length <= manifest.Length; length += manifestStep)
        {
            yield return ($"scopes.json prefix {length}", samples[0].Text, manifest.Substring(0, length));
        }

        // Every character C# reads as a line break, inserted raw into the sources (inside strings, names and
        // comments) and into the manifest's strings: generated code must still compile wherever such text lands.
        var insertions = Math.Max(LineBreaks.Length, budget / 10);
        var perText = Math.Max(1, insertions / (samples.Count + 1));
        foreach (var (name, text) in samples.Append(("scopes.json", manifest)))
        {
            var insertStep = Math.Max(1, text.Length / perText);
            for (int position = 1, k = 0; position < text.Length; position += insertStep, k++)
            {
                var lineBreak = LineBreaks[k % LineBreaks.Length];
                var mutated = text.Insert(position, lineBreak);
                var label = $"{name} with U+{(int)lineBreak[0]:X4} at {position}";
                yield return name == "scopes.json" ? (label, samples[0].Text, mutated) : (label, mutated, manifest);
            }
        }
    }

    /// <summary>CR, LF, NEL, LS and PS: what C# treats as the end of a line.</summary>
    private static readonly string[] LineBreaks = { "\r", "\n", "\u0085", "\u2028", "\u2029" };

    [Fact]
    public void PreCanceledToken_ThrowsOperationCanceled_NotCS8785()
    {
        var compilation = RoslynTestEnvironment.Compile(Sample("FulfillmentsApi.cs"));
        var driver = RoslynTestEnvironment.CreateDriver(new[] { RoslynTestEnvironment.Manifest(TestInputs.RepositoryManifest) });
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => driver.RunGenerators(compilation, cancellation.Token));
    }

    [Fact]
    public void CancelingDuringAFiveMegabyteParse_ReturnsWithin100Milliseconds()
    {
        var builder = new StringBuilder("{ \"scopes\": [\n");
        for (var i = 0; builder.Length < 5 * 1024 * 1024; i++)
        {
            builder.Append("  { \"name\": \"read:resource-").Append(i).Append("\", \"description\": \"A generated scope for a large manifest.\" },\n");
        }

        builder.Append("  { \"name\": \"write:last\" } ] }");
        var text = SourceText.From(builder.ToString());
        var full = ManifestParser.Parse("/0/scopes.json", text, CancellationToken.None);
        Assert.True(full.Scopes.Length > 40_000);

        using var cancellation = new CancellationTokenSource();
        using var started = new ManualResetEventSlim();
        var canceledAt = 0L;
        var returnedAt = 0L;
        var thread = new Thread(() =>
        {
            try
            {
                started.Set();
                while (true)
                {
                    ManifestParser.Parse("/0/scopes.json", text, cancellation.Token);
                }
            }
            catch (OperationCanceledException)
            {
                returnedAt = Stopwatch.GetTimestamp();
            }
        });
        thread.Start();
        started.Wait();
        Thread.Sleep(20);
        canceledAt = Stopwatch.GetTimestamp();
        cancellation.Cancel();
        Assert.True(thread.Join(TimeSpan.FromSeconds(5)), "The parse did not observe cancellation.");
        var elapsed = Stopwatch.GetElapsedTime(canceledAt, returnedAt);
        _output.WriteLine($"Returned {elapsed.TotalMilliseconds:F2} ms after cancellation.");
        Assert.True(elapsed < TimeSpan.FromMilliseconds(100), $"Returned {elapsed.TotalMilliseconds:F1} ms after cancellation.");
    }

    [Fact]
    public void Output_IsByteIdentical_AcrossFileOrderCulturesAndRuns()
    {
        var manifests = new[]
        {
            RoslynTestEnvironment.Manifest(TestInputs.RepositoryManifest, "/0/a/scopes.json"),
            RoslynTestEnvironment.Manifest("""{ "namespace": "Contoso", "scopes": [ { "name": "read:purchase-orders", "description": "Reads POs" }, { "name": "read:orders" } ] }""", "/0/b/scopes.json"),
            RoslynTestEnvironment.Manifest("""{ "scopes": [ { "name": "write:purchase-orders", "description": "Écrit les bons de commande – ıİ" } ] }""", "/0/c/SCOPES.JSON"),
        };
        var sources = SampleNames().Select(name => (Sample(name), "/0/" + name)).ToArray();
        string? baseline = null;
        var random = new Random(20261129);
        var original = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            foreach (var culture in new[] { "tr-TR", "ar-SA", string.Empty })
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                for (var run = 0; run < 10; run++)
                {
                    var shuffled = manifests.OrderBy(_ => random.Next()).ToArray();
                    var files = sources.OrderBy(_ => random.Next()).ToArray();
                    var result = RoslynTestEnvironment.CreateDriver(shuffled).RunGenerators(RoslynTestEnvironment.Compile(files)).GetRunResult();
                    var text = Texts(result);
                    baseline ??= text;
                    Assert.Equal(baseline, text);
                }
            }
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = original;
        }

        Assert.Contains("Écrit les bons de commande", baseline);
        Assert.Contains("namespace Cymbio", baseline); // the first manifest by path (a/scopes.json) names the namespace
        Assert.Contains("ReadPurchaseOrders", baseline);
    }

    [Fact]
    public void ConcurrentAnalysis_GivesTheSameDiagnosticsForEachCopy()
    {
        var sample = Sample("Diagnostics.cs");
        const int Copies = 4;
        var sources = Enumerable.Range(0, Copies).Select(i => (sample.Replace("Samples.Diagnostics", "Samples.Diagnostics" + i), $"/0/Copy{i}.cs")).ToArray();
        var single = Analyze(RoslynTestEnvironment.Compile(new[] { sources[0] }), concurrent: false);
        var many = Analyze(RoslynTestEnvironment.Compile(sources), concurrent: true);
        Assert.NotEmpty(single);
        Assert.Equal(single.Count * Copies, many.Count);
        for (var i = 0; i < Copies; i++)
        {
            Assert.Equal(single.Select(d => (d.Id, d.Location.GetLineSpan().Span)), many.Where(d => d.Location.GetLineSpan().Path == $"/0/Copy{i}.cs").Select(d => (d.Id, d.Location.GetLineSpan().Span)));
        }
    }

    private static List<Diagnostic> Analyze(Compilation compilation, bool concurrent)
    {
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrent, false, false);
        return compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ScopeDeclarationAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static string Texts(GeneratorDriverRunResult result) => string.Join(
        "\n=====\n",
        result.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal).Select(s => s.HintName + "\n" + s.SourceText));

    [Fact]
    public void ScopeTheGeneratorCannotResolve_FailsTheBuildWithTheReason_InsteadOfDroppingIt()
    {
        var source = """
            using System.Threading.Tasks; using Cymbio; using Refit;
            namespace Sample;
            public interface IApi
            {
                // An unbound name that is not a CymbioScopes constant: perhaps another generator's; the generator cannot know.
                [Get("/a")] [CymbioScope(CymbioScopes.ReadOrders, OtherGenerated.Scope)] Task AAsync();

                // An invalid scope whose CYM0006 was suppressed: it could never be requested at run time.
            #pragma warning disable CYM0006
                [Get("/b")] [CymbioScope("read:x y")] Task BAsync();
            #pragma warning restore CYM0006
            }
            """;
        var outcome = RoslynTestEnvironment.Run(RoslynTestEnvironment.Compile(source));
        Assert.Empty(outcome.Crashes);
        var reasons = outcome.Errors.Where(d => d.Id == "CS1029").Select(d => d.GetMessage(CultureInfo.InvariantCulture)).OrderBy(m => m, StringComparer.Ordinal).ToList();
        Assert.Equal(2, reasons.Count);
        Assert.Contains("Cymbio: the scope requirement of Sample.IApi.AAsync cannot be generated: 'OtherGenerated.Scope' is not a scope string or a string constant that the generator can see", reasons[0]);
        Assert.Contains("Cymbio: the scope requirement of Sample.IApi.BAsync cannot be generated: 'read:x y' is not a valid OAuth scope", reasons[1]);
    }

    [Fact]
    public void ModuleThatHasNotRunYet_IsInitializedOnFirstLookup()
    {
        // A fresh assembly whose code has never run: typeof() alone does not run its module initializer.
        var source = """
            using System.Threading.Tasks; using Cymbio; using Refit;
            namespace Lazy;
            [CymbioScope(CymbioScopes.ReadWarehouses)]
            public interface IWarehousesApi { [Get("/v3/suppliers/{supplierId}/warehouses")] Task<string> ListAsync(long supplierId); }
            """;
        var outcome = RoslynTestEnvironment.Run(RoslynTestEnvironment.Compile(source));
        using var stream = new MemoryStream();
        var emit = outcome.Output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        var context = new System.Runtime.Loader.AssemblyLoadContext("lazy-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        context.Resolving += (_, name) => name.Name == "Refit" ? typeof(global::Refit.GetAttribute).Assembly : null;
        try
        {
            stream.Position = 0;
            var assembly = context.LoadFromStream(stream);
            var type = assembly.GetType("Lazy.IWarehousesApi", throwOnError: true)!;

            Assert.True(Cymbio.CymbioScopeRegistry.TryGetOperation(type, "ListAsync", "GET", "/v3/suppliers/{supplierId}/warehouses", out var operation));
            Assert.Equal(Cymbio.ScopeSet.Create("read:warehouses"), operation.Scopes);
        }
        finally
        {
            context.Unload();
        }
    }
}
