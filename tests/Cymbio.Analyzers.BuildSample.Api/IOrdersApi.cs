using System.Threading.Tasks;
using Refit;

namespace Cymbio.Analyzers.BuildSample.Api;

/// <summary>Orders of a supplier: reading needs <c>read:orders</c>, cancelling <c>write:orders</c>.</summary>
[CymbioScope(CymbioScopes.ReadOrders)]
public interface IOrdersApi
{
    /// <summary>Lists the supplier's orders.</summary>
    /// <param name="supplierId">The supplier.</param>
    /// <returns>The orders, as JSON.</returns>
    [Get("/v3/suppliers/{supplierId}/orders")]
    Task<string> ListAsync(long supplierId);

    /// <summary>Cancels an order.</summary>
    /// <param name="supplierId">The supplier.</param>
    /// <param name="id">The order.</param>
    /// <returns>A task that completes when Cymbio has answered.</returns>
    [Put("/v3/suppliers/{supplierId}/orders/{id}/cancel")]
    [CymbioScope(CymbioScopes.WriteOrders)]
    Task CancelAsync(long supplierId, long id);
}
