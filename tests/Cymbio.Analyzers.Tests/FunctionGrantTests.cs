using System.Threading.Tasks;
using Cymbio.Generators;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Cymbio.Analyzers.Tests.Sources;
using static Cymbio.Analyzers.Tests.Verify;

namespace Cymbio.Analyzers.Tests;

/// <summary>
/// <c>[CymbioGrants]</c> on a local function or a lambda, which symbol actions never visit: its grants serve the calls
/// inside, and count for CYM0014 (unused grant) and CYM0006 (unknown scope) like those on a method.
/// </summary>
public sealed class FunctionGrantTests
{
    private static DiagnosticResult Unused(int location, string scope, string owner) =>
        Diagnostic<ScopeCallAnalyzer>(CallSiteDiagnosticIds.UnusedGrant).WithLocation(location).WithArguments(scope, owner);

    [Fact]
    public async Task UnusedGrantOnALocalFunction_IsReported_AtTheArgument_AndTheUsedOneIsNot()
    {
        await new CallSiteTest<ScopeCallAnalyzer>(Api, Usings + """
            namespace Sample;

            public static class Worker
            {
                public static async Task RunAsync(IFulfillmentsApi api)
                {
                    await ListAsync();
                    await AcceptAsync();

                    [CymbioGrants(CymbioScopes.ReadOrders, {|#0:"write:variants"|})]
                    Task<string> ListAsync() => api.ListAsync(1);

                    [CymbioGrants(CymbioScopes.ReadOrders)]
                    [CymbioGrants(CymbioScopes.WriteFulfillments, {|#1:"read:channels"|})]
                    Task AcceptAsync() => api.AcceptAsync(1, 2);
                }
            }
            """).Expect(
                Unused(0, "write:variants", "[CymbioGrants] on 'ListAsync'"),
                Unused(1, "read:channels", "[CymbioGrants] on 'AcceptAsync'"))
            .RunWithGeneratorAsync();
    }

    [Fact]
    public async Task UnusedGrantOnALambda_IsReported_AtTheArgument_AndTheUsedOneIsNot()
    {
        await new CallSiteTest<ScopeCallAnalyzer>(Api, Usings + """
            namespace Sample;

            public static class Worker
            {
                public static async Task RunAsync(IFulfillmentsApi api)
                {
                    Func<Task> accept = [CymbioGrants(CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments, {|#0:"write:variants"|})] () => api.AcceptAsync(1, 2);
                    Func<long, Task<string>> list = [CymbioGrants(CymbioScopes.ReadOrders)] (long id) => api.ListAsync(id);
                    await accept();
                    await list(1);
                }
            }
            """).Expect(Unused(0, "write:variants", "[CymbioGrants] on 'lambda'")).RunWithGeneratorAsync();
    }

    /// <summary>Without the grants of the functions, both calls would miss their scopes: the functions' attributes are what serves them.</summary>
    [Fact]
    public async Task UsedGrantsOnALocalFunctionAndALambda_AreNotReported()
    {
        await new CallSiteTest<ScopeCallAnalyzer>(Api, Usings + """
            namespace Sample;

            public static class Worker
            {
                public static async Task RunAsync(IFulfillmentsApi api)
                {
                    Func<Task<string>> list = [CymbioGrants(CymbioScopes.ReadOrders)] () => api.ListAsync(1);
                    await list();
                    await AcceptAsync();

                    [CymbioGrants(CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments)]
                    Task AcceptAsync() => api.AcceptAsync(1, 2);
                }
            }
            """).RunWithGeneratorAsync();
    }

    /// <summary>A misspelt grant on a local function or a lambda is CYM0006 (unknown scope) once, not also CYM0014.</summary>
    [Fact]
    public async Task AnUnknownGrantOnALocalFunctionOrALambda_IsReportedAsUnknown_NotAlsoAsUnused()
    {
        const string Source = """
            using System;
            using Cymbio;

            namespace Sample;

            public static class Setup
            {
                public static Func<int> Run()
                {
                    [CymbioGrants("read:ordrs", CymbioScopes.WriteVariants)]
                    int Local() => 1;

                    Func<int> lambda = [CymbioGrants("write:fulfilment")] () => Local();
                    return lambda;
                }
            }
            """;
        var reported = await UnknownGrantTests.ReportedByBothAnalyzers(Source);
        Assert.Equal(new[] { "CYM0006 read:ordrs", "CYM0006 write:fulfilment", "CYM0014 write:variants" }, reported);
    }
}
