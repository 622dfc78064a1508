using System.Threading.Tasks;
using Cymbio.Analyzers.CodeFixes;
using System.IO;
using Cymbio.Tests.Shared;
using Microsoft.CodeAnalysis;
using Xunit;
using static Cymbio.Analyzers.Tests.Verify;

namespace Cymbio.Analyzers.Tests;

/// <summary>
/// Calls through Cymbio.Api's generated aggregate clients are judged like calls on the interfaces: grants traced from
/// the <c>CymbioClient</c> through <c>Aggregate&lt;T&gt;()</c>, locals and the nested clients; an injected
/// aggregate judged by the enclosing grants; and the code fix adds the missing scope. (The C# 14 <c>cymbio.Supplier</c>
/// extension property needs a newer compiler than these tests run; BuildSampleTests covers it in a real build.)
/// </summary>
public sealed class AggregateCallTests
{
    private const string Usings = """
        using System.Threading.Tasks;
        using Cymbio;
        using Cymbio.Api;
        using Cymbio.Api.Suppliers;

        """;

    /// <summary>Cymbio.Api as built beside these tests (bin/&lt;Configuration&gt;/net10.0/), with the generated aggregates in it.</summary>
    private static readonly MetadataReference CymbioApi = MetadataReference.CreateFromFile(Path.Combine(
        Repository.Root, "src", "Cymbio.Api", "bin", new DirectoryInfo(System.AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name, "net10.0", "Cymbio.Api.dll"));

    private static CallSiteTest<ScopeCallAnalyzer> Test(string code) =>
        new CallSiteTest<ScopeCallAnalyzer>(Usings + code).WithReference(CymbioApi).WithoutUnusedGrants();

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Inferred(int location, string method, string endpoint) =>
        Diagnostic<ScopeCallAnalyzer>("CYM0017").WithLocation(location).WithArguments(method, endpoint);

    [Fact]
    public async Task ChainsFromTheClient_AreTracedToItsOptions()
    {
        await Test("""
            namespace Sample;

            public static class Sync
            {
                public static async Task RunAsync()
                {
                    using var cymbio = new CymbioClient(new CymbioClientOptions { SupplierId = 88, Grants = { CymbioScopes.ReadOrders } });
                    await cymbio.Aggregate<CymbioSupplierClient>().Fulfillments.ListAsync();
                    await cymbio.Aggregate<CymbioSupplierClient>().Fulfillments.{|#0:AcceptAsync|}(929, new AcceptFulfillmentRequest());
                    var supplier = cymbio.Aggregate<CymbioSupplierClient>();
                    var inventory = supplier.Inventory;
                    await inventory.{|#1:SetLevelsAsync|}(5, [new InventoryLevel(3, Sku: "A1")]);
                    await supplier.Fulfillments.{|#2:CancelAsync|}(929);
                }
            }
            """)
            .Expect(
                Missing(0, "FulfillmentsClient.AcceptAsync", "'write:fulfillments'", "the grants of the CymbioClientOptions created at line 11"),
                Missing(1, "InventoryClient.SetLevelsAsync", "'write:inventory'", "the grants of the CymbioClientOptions created at line 11"),
                Missing(2, "FulfillmentsClient.CancelAsync", "'write:fulfillments'", "the grants of the CymbioClientOptions created at line 11"),
                // Inferred endpoints (CYM0017) are pointed out through the aggregate too.
                Inferred(1, "InventoryClient.SetLevelsAsync", "I-14"),
                Inferred(2, "FulfillmentsClient.CancelAsync", "C-6"))
            .RunWithGeneratorAsync();
    }

    [Fact]
    public async Task InjectedAggregate_IsJudgedByTheEnclosingGrants()
    {
        await Test("""
            namespace Sample;

            [CymbioGrants(CymbioScopes.ReadOrders, CymbioScopes.WriteInventory)]
            public sealed class Sync(CymbioSupplierClient supplier)
            {
                private readonly CymbioSupplierClient _supplier = supplier;

                public Task ListAsync() => _supplier.Fulfillments.ListAsync();

                public Task PushAsync() => supplier.Inventory.{|#1:SetLevelsAsync|}(5, []);

                public Task ShipAsync() => _supplier.Fulfillments.{|#0:ShipAsync|}(929, new ShipFulfillmentRequest("1Z"));
            }
            """)
            .Expect(Missing(0, "FulfillmentsClient.ShipAsync", "'write:fulfillments'", "[CymbioGrants] on 'Sync'"), Inferred(1, "InventoryClient.SetLevelsAsync", "I-14"))
            .RunWithGeneratorAsync();
    }

    [Fact]
    public async Task AggregateWithoutATraceableClient_FallsBackToTheAssemblyGrants()
    {
        await Test("""
            [assembly: CymbioGrants(CymbioScopes.ReadOrders)]

            namespace Sample;

            public static class Sync
            {
                public static Task RunAsync(CymbioSupplierClient supplier) => supplier.Profile.{|#0:UpdateAsync|}(new SupplierRequest());
            }
            """)
            .Expect(Missing(0, "ProfileClient.UpdateAsync", "'write:suppliers'", "[assembly: CymbioGrants]"), Inferred(0, "ProfileClient.UpdateAsync", "I-4"))
            .RunWithGeneratorAsync();
    }

    [Fact]
    public async Task CodeFix_AddsTheMissingScope_ForACallThroughAnAggregate()
    {
        await new CodeFixTest<ScopeCallAnalyzer, AddMissingScopesCodeFix>(
            new[]
            {
                Usings + """
                [assembly: CymbioGrants(CymbioScopes.ReadOrders)]

                namespace Sample;

                public sealed class Worker(CymbioSupplierClient supplier)
                {
                    public Task AcceptAsync() => supplier.Fulfillments.{|CYM0012:AcceptAsync|}(929, new AcceptFulfillmentRequest());
                }
                """,
            },
            new[]
            {
                Usings + """
                [assembly: CymbioGrants(CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments)]

                namespace Sample;

                public sealed class Worker(CymbioSupplierClient supplier)
                {
                    public Task AcceptAsync() => supplier.Fulfillments.AcceptAsync(929, new AcceptFulfillmentRequest());
                }
                """,
            },
            AddMissingScopesCodeFix.GrantKey)
            .WithReference(CymbioApi)
            .RunWithGeneratorAsync();
    }
}
