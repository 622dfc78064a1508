using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Cymbio.Analyzers.Tests.Sources;

namespace Cymbio.Analyzers.Tests;

/// <summary>CYM0017: a call to an endpoint marked inferred is pointed out where it is made; confirmed or dated ones are not.</summary>
public sealed class ProvenanceTests
{
    private const string EndpointsApi = """
        using System.Threading.Tasks;
        using Cymbio;
        using Refit;

        namespace Sample;

        [CymbioScope(CymbioScopes.ReadInventory)]
        public interface IInventoryApi
        {
            [Get("/v3/suppliers/{supplierId}/inventory")]
            [CymbioEndpoint("I-12", CymbioEvidence.Inferred)]
            Task<string> ListAsync(long supplierId);

            [Get("/v3/suppliers/{supplierId}/fulfillments")]
            [CymbioEndpoint("C-1", CymbioEvidence.Confirmed, "S5 S9")]
            Task<string> FulfillmentsAsync(long supplierId);

            [Get("/v3/variants/{variantId}")]
            [CymbioEndpoint("C-18", CymbioEvidence.Dated, "S10")]
            Task<string> VariantAsync(long variantId);

            [Get("/v3/suppliers/{supplierId}/warehouses")]
            Task<string> WarehousesAsync(long supplierId);
        }

        """;

    [Fact]
    public async Task CallsToAnInferredEndpoint_AreReportedAtTheName_OthersAreNot()
    {
        await new CallSiteTest<ScopeCallAnalyzer>(EndpointsApi, Usings + """
            [assembly: CymbioGrants(CymbioScopes.ReadInventory)]

            namespace Sample;

            public sealed class Sync(IInventoryApi api)
            {
                public async Task RunAsync()
                {
                    await api.{|#0:ListAsync|}(1);
                    Func<long, Task<string>> group = api.{|#1:ListAsync|};
                    await api.FulfillmentsAsync(1);
                    await api.VariantAsync(2);
                    await api.WarehousesAsync(1);
                    _ = nameof(api.ListAsync);
                }
            }
            """)
            .WithoutUnusedGrants()
            .Expect(Inferred(0), Inferred(1))
            .RunWithGeneratorAsync();
    }

    [Fact]
    public async Task ACallWithMissingScopes_GetsBothDiagnostics()
    {
        await new CallSiteTest<ScopeCallAnalyzer>(EndpointsApi, Usings + """
            [assembly: CymbioGrants(CymbioScopes.ReadOrders)]

            namespace Sample;

            public sealed class Sync(IInventoryApi api)
            {
                public Task RunAsync() => api.{|#0:ListAsync|}(1);
            }
            """)
            .WithoutUnusedGrants()
            .Expect(
                Inferred(0),
                Verify.Missing(0, "IInventoryApi.ListAsync", "'read:inventory'", "[assembly: CymbioGrants]"))
            .RunWithGeneratorAsync();
    }

    private static DiagnosticResult Inferred(int location) =>
        new DiagnosticResult(CallSiteDiagnosticIds.InferredEndpoint, DiagnosticSeverity.Info)
            .WithLocation(location)
            .WithArguments("IInventoryApi.ListAsync", "I-12");
}
