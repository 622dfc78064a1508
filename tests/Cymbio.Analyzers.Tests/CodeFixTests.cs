using System.Threading.Tasks;
using Cymbio.Analyzers.CodeFixes;
using Cymbio.Generators;
using Cymbio.Tests.Shared.Roslyn;
using Xunit;
using static Cymbio.Analyzers.Tests.Sources;

namespace Cymbio.Analyzers.Tests;

/// <summary>Every code fix, one diagnostic at a time and with Fix All, including the manifest edit.</summary>
public sealed class CodeFixTests
{
    private static CodeFixTest<ScopeCallAnalyzer, AddMissingScopesCodeFix> Fix(string before, string after, string key = AddMissingScopesCodeFix.GrantKey) =>
        new(new[] { Api, Usings + before }, new[] { Api, Usings + after }, key);

    [Fact]
    public async Task AssemblyGrants_GetTheMissingScopeAsAConstant()
    {
        await Fix("""
            [assembly: CymbioGrants(CymbioScopes.ReadOrders)]

            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task AcceptAsync() => api.{|CYM0012:AcceptAsync|}(1, 2);
            }
            """, """
            [assembly: CymbioGrants(CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments)]

            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task AcceptAsync() => api.AcceptAsync(1, 2);
            }
            """).RunWithGeneratorAsync();
    }

    [Fact]
    public async Task LiteralGrants_GetALiteral_AndFixAllMergesEveryCallIntoOneEdit()
    {
        await Fix("""
            namespace Sample;

            [CymbioGrants("read:variants")]
            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task ListAsync() => api.{|CYM0012:ListAsync|}(1);

                public Task AcceptAsync() => api.{|CYM0012:AcceptAsync|}(1, 2);

                public Task AcceptAgainAsync() => api.{|CYM0012:AcceptAsync|}(1, 3);
            }
            """, """
            namespace Sample;

            [CymbioGrants("read:variants", "read:orders", "write:fulfillments")]
            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task ListAsync() => api.ListAsync(1);

                public Task AcceptAsync() => api.AcceptAsync(1, 2);

                public Task AcceptAgainAsync() => api.AcceptAsync(1, 3);
            }
            """).RunWithGeneratorAsync();
    }

    [Fact]
    public async Task PropagatedRequirement_GetsTheMissingScope()
    {
        await Fix("""
            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                [CymbioScope(CymbioScopes.WriteFulfillments)]
                public async Task SyncAsync()
                {
                    await api.{|CYM0012:ListAsync|}(1);
                    await api.AcceptAsync(1, 2);
                }
            }
            """, """
            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                [CymbioScope(CymbioScopes.WriteFulfillments, CymbioScopes.ReadOrders)]
                public async Task SyncAsync()
                {
                    await api.ListAsync(1);
                    await api.AcceptAsync(1, 2);
                }
            }
            """).RunWithGeneratorAsync();
    }

    [Fact]
    public async Task OptionsGrants_GetTheMissingScope()
    {
        await Fix("""
            namespace Sample;

            public static class Sync
            {
                public static Task RunAsync()
                {
                    var cymbio = new CymbioClient(new CymbioClientOptions { ClientId = "id", Grants = { CymbioScopes.ReadOrders } });
                    return cymbio.Create<IFulfillmentsApi>().{|CYM0012:AcceptAsync|}(1, 2);
                }
            }
            """, """
            namespace Sample;

            public static class Sync
            {
                public static Task RunAsync()
                {
                    var cymbio = new CymbioClient(new CymbioClientOptions { ClientId = "id", Grants = { CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments } });
                    return cymbio.Create<IFulfillmentsApi>().AcceptAsync(1, 2);
                }
            }
            """).RunWithGeneratorAsync();
    }

    [Fact]
    public async Task ManifestGrants_GetTheMissingScopes_InTheArraysLayout()
    {
        const string Code = """
            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task ListAsync() => api.ListAsync(1);

                public Task AcceptAsync() => api.{|CYM0012:AcceptAsync|}(1, 2);
            }
            """;
        await Fix(Code, RoslynTestEnvironment.StripMarkup(Code))
            .WithManifest(
                """
                {
                  "grants": [
                    "read:orders"
                  ]
                }
                """,
                """
                {
                  "grants": [
                    "read:orders",
                    "write:fulfillments"
                  ]
                }
                """)
            .RunWithGeneratorAsync();
    }

    [Fact]
    public async Task EmptyManifestGrants_GetTheScope()
    {
        const string Code = """
            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task AcceptAsync() => api.{|CYM0012:AcceptAsync|}(1, 2);
            }
            """;
        await Fix(Code, RoslynTestEnvironment.StripMarkup(Code))
            .WithManifest("""{ "grants": [] }""", """{ "grants": ["write:fulfillments"] }""")
            .RunWithGeneratorAsync();
    }

    [Fact]
    public async Task Propagation_AddsCymbioScopeToTheEnclosingMethod()
    {
        await Fix("""
            [assembly: CymbioGrants(CymbioScopes.ReadOrders)]

            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                /// <summary>Accepts.</summary>
                public Task AcceptAsync() => api.{|CYM0012:AcceptAsync|}(1, 2);
            }
            """, """
            [assembly: CymbioGrants(CymbioScopes.ReadOrders)]

            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                /// <summary>Accepts.</summary>
                [CymbioScope(CymbioScopes.WriteFulfillments)]
                public Task AcceptAsync() => api.AcceptAsync(1, 2);
            }
            """, AddMissingScopesCodeFix.PropagateKey).RunWithGeneratorAsync();
    }

    /// <summary>
    /// The method already has [CymbioScope], written through an alias: the fix finds it by what it binds to (not by its
    /// text, which once let it add a second attribute), so only the grant fix on that attribute is offered.
    /// </summary>
    [Fact]
    public async Task Propagation_IsNotOffered_WhenTheMethodHasCymbioScopeUnderAnAlias()
    {
        const string source = """
            using Requires = Cymbio.CymbioScopeAttribute;

            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                [Requires(CymbioScopes.WriteFulfillments)]
                public async Task SyncAsync()
                {
                    await api.{|CYM0012:ListAsync|}(1);
                }
            }
            """;
        await Fix(source, source, AddMissingScopesCodeFix.PropagateKey).RunAsync();
    }

    [Fact]
    public async Task UnknownScope_IsReplacedWithTheSuggestion()
    {
        var test = new CodeFixTest<ScopeDeclarationAnalyzer, ReplaceUnknownScopeCodeFix>(
            new[] { Api, Usings + """
                [assembly: CymbioGrants({|CYM0006:"read:ordrs"|}, CymbioScopes.WriteFulfillments)]

                namespace Sample;

                [CymbioGrants({|CYM0006:"write:fulfilments"|})]
                public sealed class Worker;
                """ },
            new[] { Api, Usings + """
                [assembly: CymbioGrants("read:orders", CymbioScopes.WriteFulfillments)]

                namespace Sample;

                [CymbioGrants("write:fulfillments")]
                public sealed class Worker;
                """ },
            ReplaceUnknownScopeCodeFix.Key);
        await test.RunWithGeneratorAsync();
    }
}
