using System.Collections.Generic;
using System.Threading.Tasks;
using Cymbio;
using Refit;

namespace Samples.Supplier;

public sealed record Fulfillment(long Id, string State);

[CymbioScope(CymbioScopes.ReadOrders)]
public interface IFulfillmentsApi
{
    [Get("/v3/suppliers/{supplierId}/fulfillments")]
    Task<IReadOnlyList<Fulfillment>> ListAsync(long supplierId, [Query] string? filter = null);

    [Get("/v3/suppliers/{supplierId}/fulfillments/{id}")]
    Task<Fulfillment> GetAsync(long supplierId, long id);

    [Put("/v3/suppliers/{supplierId}/fulfillments/{id}/setStatus/accepted")]
    [CymbioScope(CymbioScopes.WriteFulfillments)]
    Task AcceptAsync(long supplierId, long id);

    [Put("/v3/suppliers/{supplierId}/fulfillments/{id}/setStatus/{status}")]
    [CymbioScope(CymbioScopes.WriteFulfillments, CymbioScopes.WriteOrders)]
    Task SetStatusAsync(long supplierId, long id, string status);

    [Post("/v3/suppliers/{supplierId}/fulfillments/shipments")]
    [CymbioScope(CymbioScopes.WriteFulfillments)]
    Task ShipAsync(long supplierId, [Body] object shipments);
}
