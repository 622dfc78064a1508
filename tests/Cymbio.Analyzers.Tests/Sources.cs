namespace Cymbio.Analyzers.Tests;

/// <summary>Source shared by the tests: scoped Refit interfaces as an SDK user writes them.</summary>
internal static class Sources
{
    public const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Cymbio;
        using Refit;

        """;

    /// <summary>Read fulfillments with <c>read:orders</c>; accept one with <c>write:fulfillments</c>.</summary>
    public const string Api = """
        using System.Threading.Tasks;
        using Cymbio;
        using Refit;

        namespace Sample;

        [CymbioScope(CymbioScopes.ReadOrders)]
        public interface IFulfillmentsApi
        {
            [Get("/v3/suppliers/{supplierId}/fulfillments")]
            Task<string> ListAsync(long supplierId);

            [Put("/v3/suppliers/{supplierId}/fulfillments/{id}/setStatus/accepted")]
            [CymbioScope(CymbioScopes.WriteFulfillments)]
            Task AcceptAsync(long supplierId, long id);

            [Get("/v3/suppliers/{supplierId}/fulfillments/{id}")]
            Task<T> GetAsync<T>(long supplierId, long id);
        }

        public interface ISupplierApi : IFulfillmentsApi
        {
        }

        """;
}
