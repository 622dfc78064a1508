using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Cymbio.Generators;
using Cymbio.Tests.Shared.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Cymbio.Analyzers.Tests.Sources;
using static Cymbio.Analyzers.Tests.Verify;

namespace Cymbio.Analyzers.Tests;

/// <summary>A misspelt grant, wherever it is written: CYM0006 (unknown scope) once, and never CYM0014 (unused grant) too.</summary>
public sealed class UnknownGrantTests
{
    /// <summary>What <c>AddCymbio(…)</c> needs beyond <see cref="RoslynTestEnvironment.ClientDependencies"/>.</summary>
    internal static readonly MetadataReference[] DependencyInjection =
    {
        MetadataReference.CreateFromFile(typeof(IServiceCollection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(IConfiguration).Assembly.Location),
    };

    private const string Manifest = """{ "scopes": [ { "name": "read:widgets" } ] }""";

    private static DiagnosticResult Unknown(int location, string scope, string detail) =>
        Diagnostic<ScopeDeclarationAnalyzer>(DiagnosticIds.UnknownScope).WithLocation(location).WithArguments(scope, detail);

    [Fact]
    public async Task OptionsGrantConstants_ThatNoManifestDeclares_AreUnknownScopes_WhereverTheOptionsComeFrom()
    {
        var test = new CallSiteTest<ScopeDeclarationAnalyzer>(Usings + """
            using System.Collections.Generic;
            using Microsoft.Extensions.DependencyInjection;

            namespace Sample;

            public static class Setup
            {
                private const string Typo = "write:fulfilment";

                public static CymbioClientOptions Configure(IServiceCollection services, string fromConfiguration)
                {
                    var options = new CymbioClientOptions { ClientId = "id", Grants = { CymbioScopes.ReadOrders, {|#0:"read:order"|} } };
                    options.Grants.Add({|#1:"Read:Orders"|});
                    options.Grants.Insert(0, {|#2:"read:" + "widget"|});
                    services.AddCymbio(o => o.Grants.Add({|#3:Typo|}));
                    services.AddCymbio(o => o.Grants.Add({|#4:"write:nothing-like-it"|}));

                    // Known, not a constant, not an addition, not the options' grants: nothing to report.
                    options.Grants.Add("read:widgets");
                    options.Grants.Add(fromConfiguration);
                    options.Grants.Remove("read:ordr");
                    new List<string> { "read:ordr" }.Add("read:ordr");
                    return options;
                }
            }
            """).WithManifest(Manifest);
        foreach (var reference in DependencyInjection)
        {
            test.WithReference(reference);
        }

        await test.Expect(
            Unknown(0, "read:order", "; did you mean 'read:orders'?"),
            Unknown(1, "Read:Orders", "; did you mean 'read:orders'?"),
            Unknown(2, "read:widget", "; did you mean 'read:widgets'?"),
            Unknown(3, "write:fulfilment", "; did you mean 'write:fulfillments'?"),
            Unknown(4, "write:nothing-like-it", "; no scopes.json of this project or of a referenced assembly declares it"))
            .RunWithGeneratorAsync();
    }

    /// <summary>
    /// The same typos in <c>[assembly: CymbioGrants]</c>, a manifest's <c>grants</c> and the options, with both
    /// analyzers: each is CYM0006 only, while a known grant that nothing uses is still CYM0014.
    /// </summary>
    [Fact]
    public async Task AnUnknownGrant_IsReportedAsUnknown_NotAlsoAsUnused()
    {
        const string Source = """
            using Cymbio;

            [assembly: CymbioGrants("read:order", CymbioScopes.WriteVariants)]

            namespace Sample;

            public static class Setup
            {
                public static CymbioClientOptions Options() => new() { ClientId = "id", Grants = { "read:ordrs" } };
            }
            """;
        var manifest = RoslynTestEnvironment.Manifest("""{ "grants": [ "write:inventry", "write:inventory" ] }""");
        var reported = await ReportedByBothAnalyzers(Source, manifest);
        Assert.Equal(
            new[]
            {
                "CYM0006 read:order",
                "CYM0006 read:ordrs",
                "CYM0006 write:inventry",
                "CYM0014 write:inventory",
                "CYM0014 write:variants",
            },
            reported);
    }

    /// <summary>
    /// Runs the call-site and the declaration analyzer on <paramref name="source"/> (which must compile): each
    /// diagnostic as its id and the first quoted part of its message (the scope), sorted.
    /// </summary>
    internal static async Task<string[]> ReportedByBothAnalyzers(string source, params AdditionalText[] files)
    {
        var compilation = RoslynTestEnvironment.Compile(new[] { (source, "/0/Setup.cs") }, RoslynTestEnvironment.ReferencesWithClientDependencies);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new ScopeCallAnalyzer(), new ScopeDeclarationAnalyzer()),
                new AnalyzerOptions(ImmutableArray.Create(files)))
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics.Select(d => d.Id + " " + d.GetMessage().Split('\'')[1]).OrderBy(s => s, StringComparer.Ordinal).ToArray();
    }
}
