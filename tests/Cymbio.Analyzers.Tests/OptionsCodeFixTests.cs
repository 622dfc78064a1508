using System.Threading.Tasks;
using Cymbio.Analyzers.CodeFixes;
using Xunit;
using static Cymbio.Analyzers.Tests.Sources;

namespace Cymbio.Analyzers.Tests;

/// <summary>
/// The options fix of CYM0012 ("grant in the CymbioClientOptions' Grants"): the options creation and its <c>Grants</c>
/// initializer are found through the operation tree, so each way of writing and reaching the options is edited.
/// </summary>
public sealed class OptionsCodeFixTests
{
    private static CodeFixTest<ScopeCallAnalyzer, AddMissingScopesCodeFix> Fix(string before, string after) =>
        new(new[] { Api, Usings + before }, new[] { Api, Usings + after }, AddMissingScopesCodeFix.GrantKey);

    [Fact]
    public async Task TargetTypedOptions_GetTheMissingScope()
    {
        await Fix("""
            namespace Sample;

            public static class Sync
            {
                public static Task RunAsync()
                {
                    CymbioClientOptions options = new() { ClientId = "id", Grants = { CymbioScopes.ReadOrders } };
                    var cymbio = new CymbioClient(options);
                    return cymbio.Create<IFulfillmentsApi>().{|CYM0012:AcceptAsync|}(1, 2);
                }
            }
            """, """
            namespace Sample;

            public static class Sync
            {
                public static Task RunAsync()
                {
                    CymbioClientOptions options = new() { ClientId = "id", Grants = { CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments } };
                    var cymbio = new CymbioClient(options);
                    return cymbio.Create<IFulfillmentsApi>().AcceptAsync(1, 2);
                }
            }
            """).RunWithGeneratorAsync();
    }

    [Fact]
    public async Task OptionsInAFieldInitializer_UsedByAMethodOfTheType_GetTheMissingScope()
    {
        await Fix("""
            namespace Sample;

            public sealed class Sync
            {
                private static readonly CymbioClientOptions Options = new CymbioClientOptions { ClientId = "id", Grants = { CymbioScopes.ReadOrders } };

                public Task RunAsync() => new CymbioClient(Options).Create<IFulfillmentsApi>().{|CYM0012:AcceptAsync|}(1, 2);
            }
            """, """
            namespace Sample;

            public sealed class Sync
            {
                private static readonly CymbioClientOptions Options = new CymbioClientOptions { ClientId = "id", Grants = { CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments } };

                public Task RunAsync() => new CymbioClient(Options).Create<IFulfillmentsApi>().AcceptAsync(1, 2);
            }
            """).RunWithGeneratorAsync();
    }

    [Fact]
    public async Task OptionsInALocal_PassedToTheClient_GetALiteral_BesideLiterals()
    {
        await Fix("""
            namespace Sample;

            public static class Sync
            {
                public static Task RunAsync()
                {
                    var o = new CymbioClientOptions { Grants = { "read:orders" } };
                    var c = new CymbioClient(o);
                    return c.Create<IFulfillmentsApi>().{|CYM0012:AcceptAsync|}(1, 2);
                }
            }
            """, """
            namespace Sample;

            public static class Sync
            {
                public static Task RunAsync()
                {
                    var o = new CymbioClientOptions { Grants = { "read:orders", "write:fulfillments" } };
                    var c = new CymbioClient(o);
                    return c.Create<IFulfillmentsApi>().AcceptAsync(1, 2);
                }
            }
            """).RunWithGeneratorAsync();
    }

    [Fact]
    public async Task GrantsWrittenWithTheProjectsOwnConstant_GetAConstant()
    {
        await Fix("""
            namespace Sample;

            public static class Sync
            {
                private const string ScopeConst = "read:orders";

                public static Task RunAsync()
                {
                    var cymbio = new CymbioClient(new CymbioClientOptions { Grants = { ScopeConst } });
                    return cymbio.Create<IFulfillmentsApi>().{|CYM0012:AcceptAsync|}(1, 2);
                }
            }
            """, """
            namespace Sample;

            public static class Sync
            {
                private const string ScopeConst = "read:orders";

                public static Task RunAsync()
                {
                    var cymbio = new CymbioClient(new CymbioClientOptions { Grants = { ScopeConst, CymbioScopes.WriteFulfillments } });
                    return cymbio.Create<IFulfillmentsApi>().AcceptAsync(1, 2);
                }
            }
            """).RunWithGeneratorAsync();
    }

    [Fact]
    public async Task OptionsWithoutAGrantsInitializer_GetOne()
    {
        await Fix("""
            namespace Sample;

            public static class Sync
            {
                public static Task<string> RunAsync()
                {
                    var cymbio = new CymbioClient(new CymbioClientOptions { ClientId = "id" });
                    return cymbio.Create<IFulfillmentsApi>().{|CYM0012:ListAsync|}(1);
                }
            }
            """, """
            namespace Sample;

            public static class Sync
            {
                public static Task<string> RunAsync()
                {
                    var cymbio = new CymbioClient(new CymbioClientOptions { ClientId = "id", Grants = { CymbioScopes.ReadOrders } });
                    return cymbio.Create<IFulfillmentsApi>().ListAsync(1);
                }
            }
            """).RunWithGeneratorAsync();
    }
}
