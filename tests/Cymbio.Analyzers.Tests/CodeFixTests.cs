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

    [Fact]
    public async Task UnknownOptionsGrant_IsReplacedWithTheSuggestion()
    {
        var test = new CodeFixTest<ScopeDeclarationAnalyzer, ReplaceUnknownScopeCodeFix>(
            new[] { Usings + """
                namespace Sample;

                public static class Setup
                {
                    public static CymbioClientOptions Options()
                    {
                        var options = new CymbioClientOptions { ClientId = "id", Grants = { {|CYM0006:"read:ordrs"|} } };
                        options.Grants.Add({|CYM0006:"write:fulfilments"|});
                        return options;
                    }
                }
                """ },
            new[] { Usings + """
                namespace Sample;

                public static class Setup
                {
                    public static CymbioClientOptions Options()
                    {
                        var options = new CymbioClientOptions { ClientId = "id", Grants = { "read:orders" } };
                        options.Grants.Add("write:fulfillments");
                        return options;
                    }
                }
                """ },
            ReplaceUnknownScopeCodeFix.Key);
        await test.RunWithGeneratorAsync();
    }

    /// <summary>
    /// A scope of the project's own scopes.json is written as the constant the generator emits for it (here
    /// <c>Sample.CymbioScopes</c>), an SDK scope as before; each by the shortest name that binds where the grant is.
    /// Outside namespace Sample, <c>CymbioScopes</c> is the SDK's, which has no <c>ReadWidgets</c>.
    /// </summary>
    [Fact]
    public async Task ProjectScopes_GetTheProjectsGeneratedConstant()
    {
        await WidgetsFix("""
            [assembly: CymbioGrants(CymbioScopes.ReadOrders)]

            namespace Sample;

            public sealed class Worker(IWidgetsApi widgets, IFulfillmentsApi api)
            {
                public Task ListAsync() => widgets.{|CYM0012:ListAsync|}();

                public Task AcceptAsync() => api.{|CYM0012:AcceptAsync|}(1, 2);
            }
            """, """
            [assembly: CymbioGrants(CymbioScopes.ReadOrders, Sample.CymbioScopes.ReadWidgets, CymbioScopes.WriteFulfillments)]

            namespace Sample;

            public sealed class Worker(IWidgetsApi widgets, IFulfillmentsApi api)
            {
                public Task ListAsync() => widgets.ListAsync();

                public Task AcceptAsync() => api.AcceptAsync(1, 2);
            }
            """).RunAsync();
    }

    /// <summary>Inside namespace Sample, <c>CymbioScopes</c> is the project's, which names the SDK's scopes too.</summary>
    [Fact]
    public async Task ProjectScopes_InTheProjectsNamespace_GetTheShortName()
    {
        await WidgetsFix("""
            namespace Sample;

            public static class Sync
            {
                public static Task RunAsync()
                {
                    var cymbio = new CymbioClient(new CymbioClientOptions { ClientId = "id", Grants = { CymbioScopes.ReadOrders } });
                    return cymbio.Create<IWidgetsApi>().{|CYM0012:ListAsync|}();
                }
            }

            [CymbioGrants(CymbioScopes.ReadOrders)]
            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task AcceptAsync() => api.{|CYM0012:AcceptAsync|}(1, 2);
            }
            """, """
            namespace Sample;

            public static class Sync
            {
                public static Task RunAsync()
                {
                    var cymbio = new CymbioClient(new CymbioClientOptions { ClientId = "id", Grants = { CymbioScopes.ReadOrders, CymbioScopes.ReadWidgets } });
                    return cymbio.Create<IWidgetsApi>().ListAsync();
                }
            }

            [CymbioGrants(CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments)]
            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task AcceptAsync() => api.AcceptAsync(1, 2);
            }
            """).RunAsync();
    }

    /// <summary>
    /// The grant fix with a manifest that declares <c>read:widgets</c> in namespace Sample, and the project's
    /// <c>CymbioScopes</c> that the generator emits from it — added as a source, because the testing library runs no
    /// generator (so <see cref="CodeFixTest{TAnalyzer, TCodeFix}.RunWithGeneratorAsync"/>, which would emit it again, is not used).
    /// </summary>
    private static CodeFixTest<ScopeCallAnalyzer, AddMissingScopesCodeFix> WidgetsFix(string before, string after)
    {
        const string Manifest = """{ "namespace": "Sample", "scopes": [ { "name": "read:widgets", "description": "Reads widgets" } ] }""";
        var constants = RoslynTestEnvironment.Run(RoslynTestEnvironment.Compile(string.Empty), RoslynTestEnvironment.Manifest(Manifest)).Generated(Emitter.ConstantsHintName);
        Assert.NotNull(constants);
        const string WidgetsApi = """
            using System.Threading.Tasks;
            using Cymbio;
            using Refit;

            namespace Sample;

            [CymbioScope(CymbioScopes.ReadWidgets)]
            public interface IWidgetsApi
            {
                [Get("/v3/widgets")]
                Task<string> ListAsync();
            }

            """;
        return new CodeFixTest<ScopeCallAnalyzer, AddMissingScopesCodeFix>(
                new[] { Api, WidgetsApi, constants, Usings + before },
                new[] { Api, WidgetsApi, constants, Usings + after },
                AddMissingScopesCodeFix.GrantKey)
            .WithManifest(Manifest, Manifest);
    }
}
