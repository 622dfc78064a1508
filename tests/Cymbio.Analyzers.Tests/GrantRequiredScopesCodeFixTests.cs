using System.Linq;
using System.Threading.Tasks;
using Cymbio.Analyzers.CodeFixes;
using Cymbio.Tests.Shared.Roslyn;
using Microsoft.CodeAnalysis;
using Xunit;
using static Cymbio.Analyzers.Tests.Sources;

namespace Cymbio.Analyzers.Tests;

/// <summary>
/// CYM0019 and its fix: the project's grants — <c>[assembly: CymbioGrants]</c> or the manifest's <c>grants</c> —
/// compared with, and rewritten to, exactly what the code requires (the generator's <c>CymbioRequiredScopes.All</c>,
/// which runs in these tests), by one fix and by Fix All.
/// </summary>
public sealed class GrantRequiredScopesCodeFixTests
{
    private static CodeFixTest<ScopeCallAnalyzer, GrantRequiredScopesCodeFix> Fix(string before, string after) =>
        new(new[] { Api, Usings + before }, new[] { Api, Usings + after }, GrantRequiredScopesCodeFix.Key) { RunsGenerator = true };

    /// <summary>An unused grant goes and a missing one (CYM0012) comes: the attribute ends up with exactly the required set, as constants.</summary>
    [Fact]
    public async Task AssemblyGrants_BecomeExactlyTheRequiredScopes()
    {
        await Fix("""
            [assembly: {|CYM0019:CymbioGrants(CymbioScopes.ReadOrders, CymbioScopes.WriteVariants)|}]

            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task ListAsync() => api.ListAsync(1);

                public Task AcceptAsync() => api.{|CYM0012:AcceptAsync|}(1, 2);
            }
            """, """
            [assembly: CymbioGrants(CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments)]

            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task ListAsync() => api.ListAsync(1);

                public Task AcceptAsync() => api.AcceptAsync(1, 2);
            }
            """).RunWithGeneratorAsync();
    }

    /// <summary>Literals stay literals; two unused grants are one rewrite, by one fix and by Fix All.</summary>
    [Fact]
    public async Task LiteralAssemblyGrants_StayLiterals_AndFixAllRewritesOnce()
    {
        var test = Fix("""
            [assembly: {|CYM0019:CymbioGrants("read:orders", "write:variants", "write:inventory")|}]

            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task ListAsync() => api.ListAsync(1);
            }
            """, """
            [assembly: CymbioGrants("read:orders")]

            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task ListAsync() => api.ListAsync(1);
            }
            """);
        test.NumberOfIncrementalIterations = 1;
        test.NumberOfFixAllIterations = 1;
        await test.RunWithGeneratorAsync();
    }

    /// <summary>
    /// A call inside a <c>[CymbioScope]</c> method counts where that method is called (the generator's rule): the method is
    /// never called, so its scope is not required, and the manifest loses it, keeping its one-per-line layout. The fix is
    /// applied to the diagnostic inside scopes.json, as the editor does, and leaves no CYM0019 behind.
    /// </summary>
    [Fact]
    public async Task ManifestGrants_BecomeExactlyTheRequiredScopes_CountingPropagatedCallsWhereTheyAreCalled()
    {
        var (manifest, remaining, title) = await ManifestRewriteFix.ApplyAsync(
            """
            {
              "grants": [
                "read:orders",
                "write:fulfillments"
              ]
            }
            """,
            Api,
            Usings + """
            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task ListAsync() => api.ListAsync(1);

                [CymbioScope(CymbioScopes.WriteFulfillments)]
                public Task AcceptAsync() => api.AcceptAsync(1, 2);
            }
            """);

        Assert.Equal(
            """
            {
              "grants": [
                "read:orders"
              ]
            }
            """,
            manifest);
        Assert.Empty(remaining);
        Assert.Equal("Grant exactly the scopes the code requires in the 'grants' of scopes.json ('read:orders')", title);
    }

    /// <summary>A one-line array stays on one line, padded as it was; a missing scope (CYM0012 at the call) is added.</summary>
    [Fact]
    public async Task OneLineManifestGrants_StayOnOneLine()
    {
        var (manifest, remaining, _) = await ManifestRewriteFix.ApplyAsync(
            """{ "grants": [ "read:orders", "write:variants" ] }""",
            Api,
            Usings + """
            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task AcceptAsync() => api.AcceptAsync(1, 2);
            }
            """);

        Assert.Equal("""{ "grants": [ "write:fulfillments" ] }""", manifest);
        Assert.Empty(remaining);
    }

    /// <summary>Once the propagating method is called, its scope is required and nothing is reported.</summary>
    [Fact]
    public async Task ACallOfThePropagatingMethod_MakesItsScopeUsed()
    {
        const string Code = """
            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task ListAsync() => api.ListAsync(1);

                [CymbioScope(CymbioScopes.WriteFulfillments)]
                public Task AcceptAsync() => api.AcceptAsync(1, 2);

                public Task RunAsync() => AcceptAsync();
            }
            """;
        const string Manifest = """{ "grants": [ "read:orders", "write:fulfillments" ] }""";
        await Fix(Code, Code).WithManifest(Manifest, Manifest).RunWithGeneratorAsync();
    }

    /// <summary>Nothing scoped is called: the attribute keeps no argument and the manifest's array is emptied.</summary>
    [Fact]
    public async Task NoScopedCall_LeavesNoGrant()
    {
        const string Code = """
            namespace Sample;

            public static class Worker
            {
                public static int Answer() => 42;
            }
            """;
        await Fix("[assembly: {|CYM0019:CymbioGrants(CymbioScopes.ReadOrders)|}]\n\n" + Code, "[assembly: CymbioGrants]\n\n" + Code).RunWithGeneratorAsync();

        var (manifest, remaining, title) = await ManifestRewriteFix.ApplyAsync("""{ "grants": [ "read:orders", "write:inventory" ] }""", Api, Usings + Code);
        Assert.Equal("""{ "grants": [] }""", manifest);
        Assert.Empty(remaining);
        Assert.EndsWith("(none)", title, System.StringComparison.Ordinal);
    }

    /// <summary>A referenced assembly's <c>[assembly: CymbioRequiredScopes]</c> (as its generator wrote it) counts as used and is kept.</summary>
    [Fact]
    public async Task ReferencedAssembliesRequiredScopes_AreKept()
    {
        var library = RoslynTestEnvironment.CreateCompilation(
            "Library",
            new[]
            {
                (Api, "/lib/Api.cs"),
                ("""
                 namespace Library;

                 public static class Jobs
                 {
                     public static System.Threading.Tasks.Task AcceptAsync(Sample.IFulfillmentsApi api) => api.AcceptAsync(1, 2);
                 }
                 """, "/lib/Jobs.cs"),
            },
            RoslynTestEnvironment.ReferencesWithClientDependencies);
        RoslynTestEnvironment.CreateDriver().RunGeneratorsAndUpdateCompilation(library, out var libraryOutput, out _);
        Assert.Empty(libraryOutput.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        await Fix("""
            [assembly: {|CYM0019:CymbioGrants(CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments, CymbioScopes.WriteVariants)|}]

            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task ListAsync() => api.ListAsync(1);
            }
            """, """
            [assembly: CymbioGrants(CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments)]

            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task ListAsync() => api.ListAsync(1);
            }
            """).WithReference(RoslynTestEnvironment.EmitReference(libraryOutput)).RunWithGeneratorAsync();
    }

    /// <summary>A type's grants serve that type only: no CYM0019 for them, and exact grants have none either.</summary>
    [Fact]
    public async Task TypeGrants_AndExactGrants_AreNotReported()
    {
        const string Code = """
            [assembly: CymbioGrants(CymbioScopes.ReadOrders)]

            namespace Sample;

            [CymbioGrants(CymbioScopes.ReadOrders, CymbioScopes.WriteVariants)]
            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task ListAsync() => api.ListAsync(1);
            }
            """;
        const string Manifest = """{ "grants": [ "read:orders" ] }""";
        await Fix(Code, Code).WithManifest(Manifest, Manifest).RunWithGeneratorAsync();
    }

    /// <summary>Grants spread over two manifests: no one array can be made exactly the required set, so neither is reported.</summary>
    [Fact]
    public async Task GrantsSpreadOverTwoManifests_AreNotReported()
    {
        const string Code = """
            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task ListAsync() => api.ListAsync(1);
            }
            """;
        var test = Fix(Code, Code).WithManifest("""{ "grants": [ "read:orders" ] }""", """{ "grants": [ "read:orders" ] }""");
        test.TestState.AdditionalFiles.Add(("/0/More/scopes.json", """{ "grants": [ "write:variants" ] }"""));
        test.FixedState.AdditionalFiles.Add(("/0/More/scopes.json", """{ "grants": [ "write:variants" ] }"""));
        await test.RunWithGeneratorAsync();
    }
}
