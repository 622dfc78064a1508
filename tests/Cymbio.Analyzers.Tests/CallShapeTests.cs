using System.Threading.Tasks;
using Cymbio.Tests.Shared.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Cymbio.Analyzers.Tests.Sources;
using static Cymbio.Analyzers.Tests.Verify;

namespace Cymbio.Analyzers.Tests;

/// <summary>Every shape of call the analyzer must see, and the code it must leave alone.</summary>
public sealed class CallShapeTests
{
    private const string Granted = """
        [assembly: CymbioGrants(CymbioScopes.ReadOrders)]

        """;

    private static CallSiteTest<ScopeCallAnalyzer> Test(string code) => new CallSiteTest<ScopeCallAnalyzer>(Api, Usings + Granted + code).WithoutUnusedGrants();

    private static DiagnosticResult Accept(int location, string method = "IFulfillmentsApi.AcceptAsync") =>
        Missing(location, method, "'write:fulfillments'", "[assembly: CymbioGrants]");

    [Fact]
    public async Task LambdasLocalFunctionsAndAsyncMethods_AreChecked()
    {
        await Test("""
            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                public async Task RunAsync()
                {
                    Func<Task> lambda = () => api.{|#0:AcceptAsync|}(1, 2);
                    await lambda();
                    await Local();
                    await Task.Run(async () => await api.{|#1:AcceptAsync|}(1, 3));

                    Task Local() => api.{|#2:AcceptAsync|}(1, 4);
                }
            }
            """).Expect(Accept(0), Accept(1), Accept(2)).RunWithGeneratorAsync();
    }

    [Fact]
    public async Task AttributesOnLocalFunctionsAndLambdas_AreTheNearestSource()
    {
        await Test("""
            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                public async Task RunAsync()
                {
                    await {|#0:Local|}();
                    Func<Task> lambda = [CymbioGrants(CymbioScopes.WriteFulfillments)] () => api.AcceptAsync(1, 3);
                    await lambda();

                    // The requirement propagates: the call above needs write:fulfillments.
                    [CymbioScope(CymbioScopes.WriteFulfillments)]
                    Task Local() => api.AcceptAsync(1, 2);
                }
            }
            """).Expect(Accept(0, "Worker.Local")).RunWithGeneratorAsync();
    }

    [Fact]
    public async Task ConditionalCallsMethodGroupsAndDelegateCreation_AreChecked()
    {
        await Test("""
            namespace Sample;

            public sealed class Worker(IFulfillmentsApi? api)
            {
                public async Task RunAsync()
                {
                    await (api?.{|#0:AcceptAsync|}(1, 2) ?? Task.CompletedTask);
                    Func<long, long, Task> group = api!.{|#1:AcceptAsync|};
                    var created = new Func<long, long, Task>(api.{|#2:AcceptAsync|});
                    await group(1, 2);
                    await created(1, 2);
                    _ = nameof(api.AcceptAsync);
                }
            }
            """).Expect(Accept(0), Accept(1), Accept(2)).RunWithGeneratorAsync();
    }

    [Fact]
    public async Task CallsThroughADerivedInterface_AndGenericMethods_AreChecked()
    {
        await Test("""
            namespace Sample;

            [CymbioScope(CymbioScopes.WriteFulfillments)]
            public interface IWriteApi
            {
                [Get("/v3/things/{id}")]
                Task<T> GetAsync<T>(long id);
            }

            public sealed class Worker(ISupplierApi supplier, IWriteApi write)
            {
                public async Task RunAsync()
                {
                    await supplier.ListAsync(1);
                    await supplier.GetAsync<string>(1, 2);
                    await supplier.{|#0:AcceptAsync|}(1, 2);
                    await write.{|#1:GetAsync|}<string>(1);
                }
            }
            """).Expect(Accept(0), Missing(1, "IWriteApi.GetAsync", "'write:fulfillments'", "[assembly: CymbioGrants]")).RunWithGeneratorAsync();
    }

    [Fact]
    public async Task CallsThroughAnUnannotatedLeaf_NeedTheNearestDefault_AndReabstractionsTheirOwn()
    {
        await Test("""
            namespace Sample;

            public interface IChainBaseApi { [Get("/items")] Task<string> List(); }
            [CymbioScope(CymbioScopes.ReadVariants)] public interface IChainMidApi : IChainBaseApi;
            public interface IChainLeafApi : IChainMidApi;

            public interface IBaseOp { Task<string> Op(); }
            [CymbioScope(CymbioScopes.WriteFulfillments)]
            public interface IReabstractApi : IBaseOp
            {
                [Get("/op")]
                abstract Task<string> IBaseOp.Op();
            }

            public sealed class Worker(IChainLeafApi leaf, IChainBaseApi unscoped, IReabstractApi reabstracted)
            {
                public async Task RunAsync()
                {
                    await leaf.{|#0:List|}();
                    await unscoped.List();
                    await reabstracted.{|#1:Op|}();
                }
            }
            """).Expect(
                Missing(0, "IChainBaseApi.List", "'read:variants'", "[assembly: CymbioGrants]"),
                Missing(1, "IBaseOp.Op", "'write:fulfillments'", "[assembly: CymbioGrants]"))
            .RunWithGeneratorAsync();
    }

    [Fact]
    public async Task RequirementFromAReferencedAssembly_IsReadFromMetadata()
    {
        await new CallSiteTest<ScopeCallAnalyzer>(Usings + Granted + """
            namespace Sample;

            public sealed class Worker(Library.IPurchaseOrdersApi api)
            {
                public async Task RunAsync()
                {
                    await api.ListAsync();
                    await api.{|#0:ShipAsync|}(7);
                    await Library.Helpers.{|#1:SyncAsync|}();
                }
            }
            """).WithLibrary(Usings + """
            namespace Library;

            [CymbioScope("read:orders")]
            public interface IPurchaseOrdersApi
            {
                [Get("/v3/purchase-orders")]
                Task<string> ListAsync();

                [Post("/v3/purchase-orders/{id}/ship")]
                [CymbioScope("write:orders")]
                Task ShipAsync(long id);
            }

            public static class Helpers
            {
                [CymbioScope("read:orders", "write:variants")]
                public static Task SyncAsync() => Task.CompletedTask;
            }
            """).WithoutUnusedGrants()
            .Expect(
                Missing(0, "IPurchaseOrdersApi.ShipAsync", "'write:orders'", "[assembly: CymbioGrants]"),
                Missing(1, "Helpers.SyncAsync", "'write:variants'", "[assembly: CymbioGrants]"))
            .RunWithGeneratorAsync();
    }

    [Fact]
    public async Task TopLevelStatements_AreChecked()
    {
        var test = new CallSiteTest<ScopeCallAnalyzer>(Api, Usings + """
            using Sample;

            var cymbio = new CymbioClient(new CymbioClientOptions { Grants = { CymbioScopes.ReadOrders } });
            var api = cymbio.Create<IFulfillmentsApi>();
            await api.ListAsync(1);
            await api.{|#0:AcceptAsync|}(1, 2);
            """).WithoutUnusedGrants()
            .Expect(Missing(0, "IFulfillmentsApi.AcceptAsync", "'write:fulfillments'", "the grants of the CymbioClientOptions created at line 7"));
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunWithGeneratorAsync();
    }

    [Fact]
    public async Task CorrectCode_ReportsNothing()
    {
        await new CallSiteTest<ScopeCallAnalyzer>(Api, Usings + """
            [assembly: CymbioGrants(CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments)]

            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                private readonly IFulfillmentsApi _readOnly = new CymbioClient(new CymbioClientOptions { Grants = { CymbioScopes.ReadOrders } }).Create<IFulfillmentsApi>();

                public async Task RunAsync()
                {
                    await api.ListAsync(1);
                    await api.AcceptAsync(1, 2);
                    await _readOnly.ListAsync(1);
                    await _readOnly.GetAsync<string>(1, 2);
                    await SyncAsync();
                    Func<Task> f = () => api.AcceptAsync(1, 2);
                    await f();
                    _ = ToString();
                }

                [CymbioScope(CymbioScopes.WriteFulfillments)]
                private Task SyncAsync() => api.AcceptAsync(1, 3);
            }
            """).RunWithGeneratorAsync();
    }

    [Fact]
    public async Task GeneratedCode_IsSkipped()
    {
        await new CallSiteTest<ScopeCallAnalyzer>(Api, """
            // <auto-generated/>
            using System.Threading.Tasks;

            namespace Sample;

            public sealed class Generated(IFulfillmentsApi api)
            {
                public Task AcceptAsync() => api.AcceptAsync(1, 2);
            }
            """).RunWithGeneratorAsync();
    }

    [Fact]
    public async Task UnusedGrants_AreReportedAtCompilationEnd_InCodeAndInTheManifest()
    {
        await new CallSiteTest<ScopeCallAnalyzer>(Api, Usings + """
            [assembly: CymbioGrants(CymbioScopes.ReadOrders, {|#0:CymbioScopes.WriteVariants|})]

            namespace Sample;

            [CymbioGrants(CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments, {|#1:"read:channels"|})]
            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task ListAsync() => api.ListAsync(1);

                public Task AcceptAsync() => api.AcceptAsync(1, 2);
            }
            """).WithManifest("""{ "grants": [ "read:orders", "write:inventory" ] }""")
            .Expect(
                Diagnostic<ScopeCallAnalyzer>(CallSiteDiagnosticIds.UnusedGrant).WithLocation(0).WithArguments("write:variants", "[assembly: CymbioGrants]"),
                Diagnostic<ScopeCallAnalyzer>(CallSiteDiagnosticIds.UnusedGrant).WithLocation(1).WithArguments("read:channels", "[CymbioGrants] on 'Worker'"),
                Diagnostic<ScopeCallAnalyzer>(CallSiteDiagnosticIds.UnusedGrant).WithSpan(RoslynTestEnvironment.ManifestPath, 1, 30, 1, 47).WithArguments("write:inventory", "scopes.json"))
            .RunWithGeneratorAsync();
    }

    /// <summary>
    /// The rule the generator derives <c>CymbioRequiredScopes</c> by: a call inside a <c>[CymbioScope]</c> method counts
    /// where the method is called, so a grant only such a never-called method needs is unused; a referenced assembly's
    /// <c>[assembly: CymbioRequiredScopes]</c> counts as used.
    /// </summary>
    [Fact]
    public async Task UnusedGrants_CountPropagatedCallsWhereTheirMethodIsCalled_AndReferencedRequirements()
    {
        var library = RoslynTestEnvironment.CreateCompilation(
            "Library",
            new[] { ("[assembly: Cymbio.CymbioRequiredScopes(\"write:inventory\")]", "/lib/Required.cs") },
            RoslynTestEnvironment.References);
        await new CallSiteTest<ScopeCallAnalyzer>(Api, Usings + """
            [assembly: CymbioGrants(CymbioScopes.ReadOrders, {|#0:CymbioScopes.WriteFulfillments|}, CymbioScopes.WriteInventory)]

            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task ListAsync() => api.ListAsync(1);

                [CymbioScope(CymbioScopes.WriteFulfillments)]
                public Task AcceptAsync() => api.AcceptAsync(1, 2);
            }
            """).WithReference(RoslynTestEnvironment.EmitReference(library))
            .Expect(Diagnostic<ScopeCallAnalyzer>(CallSiteDiagnosticIds.UnusedGrant).WithLocation(0).WithArguments("write:fulfillments", "[assembly: CymbioGrants]"))
            .RunWithGeneratorAsync();
    }

    [Fact]
    public async Task WithoutCymbioClient_NothingRuns()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<ScopeCallAnalyzer, DefaultVerifier>
        {
            TestCode = "public static class C { public static void M() => System.Console.WriteLine(); }",
            ReferenceAssemblies = RoslynTestEnvironment.Net100,
        };
        await test.RunAsync();
    }
}
