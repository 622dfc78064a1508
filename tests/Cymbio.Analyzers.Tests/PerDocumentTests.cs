using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cymbio.Tests.Shared.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using static Cymbio.Analyzers.Tests.Sources;

namespace Cymbio.Analyzers.Tests;

/// <summary>
/// What the IDE does for an open file: the analyzer runs on one document's semantic model only. Calls through a local,
/// a parameter (served by <c>[CymbioGrants]</c>) and the type's own field or property are judged there, from that
/// document alone, and nothing of the other documents is reported.
/// </summary>
public sealed class PerDocumentTests
{
    private const string Calls = """
        using System.Threading.Tasks;
        using Cymbio;

        namespace Sample;

        public sealed class Worker
        {
            private readonly IFulfillmentsApi _field = new CymbioClient(new CymbioClientOptions { ClientId = "id", Grants = { CymbioScopes.ReadOrders } }).Create<IFulfillmentsApi>();

            private IFulfillmentsApi Property { get; } = new CymbioClient(new CymbioClientOptions { ClientId = "id", Grants = { CymbioScopes.ReadOrders } }).Create<IFulfillmentsApi>();

            public Task ViaLocalAsync()
            {
                var api = new CymbioClient(new CymbioClientOptions { ClientId = "id", Grants = { CymbioScopes.ReadOrders } }).Create<IFulfillmentsApi>();
                return api.AcceptAsync(1, 2); // local
            }

            [CymbioGrants(CymbioScopes.ReadOrders)]
            public Task ViaParameterAsync(IFulfillmentsApi api) => api.AcceptAsync(1, 2); // parameter

            public Task ViaFieldAsync() => _field.AcceptAsync(1, 2); // field

            public Task ViaPropertyAsync() => Property.AcceptAsync(1, 2); // property

            public Task<string> GrantedAsync() => _field.ListAsync(1);
        }
        """;

    private const string Other = """
        using System.Threading.Tasks;
        using Cymbio;

        namespace Sample;

        public static class Elsewhere
        {
            [CymbioGrants(CymbioScopes.ReadOrders)]
            public static Task AcceptAsync(IFulfillmentsApi api) => api.AcceptAsync(1, 2); // other
        }
        """;

    [Fact]
    public async Task LocalParameterFieldAndPropertyReceivers_AreJudged_WhenOnlyTheirDocumentIsAnalyzed()
    {
        var compilation = RoslynTestEnvironment.Compile(
            new[] { (Api, "/0/Api.cs"), (Calls, "/0/Calls.cs"), (Other, "/0/Other.cs") },
            RoslynTestEnvironment.ReferencesWithClientDependencies);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var analyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ScopeCallAnalyzer()));
        var calls = compilation.SyntaxTrees.Single(t => t.FilePath == "/0/Calls.cs");

        var diagnostics = await analyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(calls), filterSpan: null, CancellationToken.None);

        Assert.All(diagnostics, d => Assert.Same(calls, d.Location.SourceTree));
        Assert.Equal(
            new[] { "CYM0012 local", "CYM0012 parameter", "CYM0012 field", "CYM0012 property" },
            diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Id + " " + Marker(d)));
        Assert.All(diagnostics, d => Assert.Contains("'write:fulfillments'", d.GetMessage(), StringComparison.Ordinal));

        // Each judged from its own grant source: the options traced through the local, the field's and the property's
        // initializer, the method's [CymbioGrants]; none from a fallback.
        Assert.Equal(
            new[]
            {
                "the grants of the CymbioClientOptions created at line 14",
                "[CymbioGrants] on 'Worker.ViaParameterAsync'",
                "the grants of the CymbioClientOptions created at line 8",
                "the grants of the CymbioClientOptions created at line 10",
            },
            diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.GetMessage().Split(new[] { "granted by " }, StringSplitOptions.None)[1]));

        // The other document has its own CYM0012, which the whole compilation reports and the one document does not.
        var all = await analyzers.GetAnalyzerDiagnosticsAsync();
        Assert.Contains(all, d => d.Id == "CYM0012" && Marker(d) == "other");
    }

    /// <summary>The comment at the end of the diagnostic's line: which call it is.</summary>
    private static string Marker(Diagnostic diagnostic)
    {
        var line = diagnostic.Location.SourceTree!.GetText().Lines[diagnostic.Location.GetLineSpan().StartLinePosition.Line].ToString();
        var comment = line.IndexOf("//", StringComparison.Ordinal);
        return comment < 0 ? line.Trim() : line.Substring(comment + 2).Trim();
    }
}
