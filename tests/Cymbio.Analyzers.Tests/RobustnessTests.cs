using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using Cymbio.Tests.Shared.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace Cymbio.Analyzers.Tests;

/// <summary>The call-site analyzers on half-typed code: every prefix and single-line deletion of a rich sample.</summary>
public sealed class RobustnessTests(ITestOutputHelper output)
{
    private const string Sample = Sources.Usings + """
        using System.Net.Http;
        using System.Threading;

        [assembly: CymbioGrants(CymbioScopes.ReadOrders, "write:fulfillments")]

        namespace Sample;

        [CymbioScope(CymbioScopes.ReadOrders)]
        public interface IFulfillmentsApi
        {
            [Get("/v3/suppliers/{supplierId}/fulfillments?access_token={token}")]
            Task<string> ListAsync(long supplierId, string token);

            [Put("/v3/suppliers/{supplierId}/fulfillments/{id}/setStatus/accepted")]
            [CymbioScope(CymbioScopes.WriteFulfillments)]
            Task AcceptAsync(long supplierId, long id);
        }

        public interface ISupplierApi : IFulfillmentsApi { }

        [CymbioGrants(CymbioScopes.ReadOrders)]
        public sealed class StaticProvider(params string[] grants) : ICymbioTokenProvider
        {
            public string[] Grants { get; } = grants;
            public ValueTask<CymbioToken> GetTokenAsync(ScopeSet scopes, CancellationToken cancellationToken = default) => throw new InvalidOperationException();
            public ValueTask<CymbioToken> RenewAsync(CymbioToken rejected, CancellationToken cancellationToken = default) => throw new InvalidOperationException();
        }

        public sealed partial class Worker
        {
            private static readonly CymbioClientOptions Options = new() { Username = "u", Password = "not-a-password", Grants = { CymbioScopes.ReadOrders } };
            private readonly IFulfillmentsApi _api;
            private ISupplierApi Supplier => new CymbioClient(Options).Create<ISupplierApi>();

            public Worker()
            {
                var handler = new CymbioAuthenticationHandler(new StaticProvider([CymbioScopes.ReadOrders]), Options);
                _api = RestService.ForGenerated<IFulfillmentsApi>(new HttpClient(handler));
            }

            [CymbioScope(CymbioScopes.WriteFulfillments)]
            public async Task RunAsync(CymbioToken token)
            {
                var options = new CymbioClientOptions { Grants = { CymbioScopes.WriteFulfillments } };
                options.Grants.Add(CymbioScopes.ReadOrders);
                var api = new CymbioClient(options).Create<IFulfillmentsApi>();
                await api.ListAsync(1, token.AccessToken);
                await (_api?.AcceptAsync(1, 2) ?? Task.CompletedTask);
                Func<long, long, Task> group = Supplier.AcceptAsync;
                await group(1, 2);
                await Local();
                var url = $"https://example.com/?access_token={token.AccessToken}" + "&secret=" + Options.ClientSecret;
                _ = url;

                [CymbioGrants("read:orders")]
                Task Local() => api.AcceptAsync(1, 3);
            }
        }
        """;

    private const string Manifest = """{ "grants": [ "read:orders", "write:inventory" ] }""";

    [Fact]
    public async System.Threading.Tasks.Task PrefixAndLineDeletionFuzz_NeverThrows()
    {
        var budget = int.TryParse(Environment.GetEnvironmentVariable("CYMBIO_FUZZ_CASES"), out var n) ? n : 400;
        var lines = Sample.Split('\n');
        var cases = Enumerable.Range(0, lines.Length).Select(i => ($"without line {i + 1}", string.Join('\n', lines.Where((_, j) => j != i)))).ToList();
        var step = Math.Max(1, Sample.Length / Math.Max(1, budget - cases.Count));
        for (var length = 0; length < Sample.Length; length += step)
        {
            cases.Add(($"prefix {length}", Sample.Substring(0, length)));
        }

        Assert.True(cases.Count >= 300, $"Only {cases.Count} cases.");
        var failures = new ConcurrentBag<string>();
        var stopwatch = Stopwatch.StartNew();
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ScopeCallAnalyzer(), new CredentialAnalyzer());
        var references = RoslynTestEnvironment.ReferencesWithClientDependencies;
        foreach (var (label, source) in cases)
        {
            var compilation = RoslynTestEnvironment.Compile(new[] { (source, "/0/Fuzz.cs") }, references);
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(RoslynTestEnvironment.Manifest(Manifest))),
                onAnalyzerException: (exception, analyzer, _) => failures.Add($"{label}: {analyzer.GetType().Name} threw {exception.GetType().Name}: {exception.Message}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAllDiagnosticsAsync();
            foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
            {
                failures.Add($"{label}: {diagnostic}");
            }
        }

        output.WriteLine($"{cases.Count} cases in {stopwatch.Elapsed.TotalSeconds:F1} s.");
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Take(20)));
    }

    /// <summary>
    /// A symbol-start action makes the compiler track the end of every type of the compilation, and a per-block action
    /// runs for every method of the project: the symbol-start action of an earlier call-site analyzer cost about a
    /// quarter of a 200-interface build (docs/benchmarks.md, "Build time (issue 8)"). No Cymbio analyzer registers either.
    /// </summary>
    [Fact]
    public async System.Threading.Tasks.Task NoAnalyzerRegistersPerSymbolOrPerBlockActions()
    {
        var compilation = RoslynTestEnvironment.Compile(new[] { (Sample, "/0/Sample.cs") }, RoslynTestEnvironment.ReferencesWithClientDependencies);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ScopeCallAnalyzer(), new CredentialAnalyzer(), new Cymbio.Generators.ScopeDeclarationAnalyzer());
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(RoslynTestEnvironment.Manifest(Manifest))));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        Assert.Contains(diagnostics, d => d.Id == "CYM0012");
        foreach (var analyzer in analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, System.Threading.CancellationToken.None);
            var name = analyzer.GetType().Name;
            Assert.True(telemetry.SymbolStartActionsCount == 0, $"{name} registers {telemetry.SymbolStartActionsCount} symbol-start actions.");
            Assert.True(telemetry.SymbolEndActionsCount == 0, $"{name} registers {telemetry.SymbolEndActionsCount} symbol-end actions.");
            Assert.True(telemetry.OperationBlockStartActionsCount == 0, $"{name} registers {telemetry.OperationBlockStartActionsCount} operation-block-start actions.");
            Assert.True(telemetry.CodeBlockStartActionsCount == 0, $"{name} registers {telemetry.CodeBlockStartActionsCount} code-block-start actions.");
        }
    }

    [Fact]
    public async System.Threading.Tasks.Task TheFullSample_ReportsEveryKindOfCallSiteDiagnostic()
    {
        var compilation = RoslynTestEnvironment.Compile(new[] { (Sample, "/0/Sample.cs") }, RoslynTestEnvironment.ReferencesWithClientDependencies);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new ScopeCallAnalyzer(), new CredentialAnalyzer()),
                new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(RoslynTestEnvironment.Manifest(Manifest))))
            .GetAnalyzerDiagnosticsAsync();
        var ids = diagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
        output.WriteLine(string.Join(Environment.NewLine, diagnostics));
        Assert.Equal(new[] { "CYM0012", "CYM0014", "CYM0015", "CYM0016" }, ids);
    }
}
