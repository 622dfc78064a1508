using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace Cymbio.Client.Tests.Apis;

/// <summary>
/// Interface-level default, method-level overrides, several attributes on one method, and two overload pairs: one
/// told apart by route template, one by HTTP method alone.
/// </summary>
[Cymbio.CymbioScope(Cymbio.CymbioScopes.ReadOrders)]
public interface IFulfillmentsApi
{
    [Get("/v3/suppliers/{supplierId}/fulfillments")]
    Task<IReadOnlyList<Resource>> ListAsync(long supplierId);

    [Get("/v3/suppliers/{supplierId}/fulfillments/{id}")]
    Task<Resource> GetAsync(long supplierId, long id);

    // Overload told apart by its route template; the template carries a query part.
    [Get("/v3/fulfillments/{id}?expand=supplier")]
    [Cymbio.CymbioScope(Cymbio.CymbioScopes.ReadOrders, Cymbio.CymbioScopes.ReadSuppliers)]
    Task<Resource> GetAsync(long id);

    [Put("/v3/suppliers/{supplierId}/fulfillments/{id}/setStatus/accepted")]
    [Cymbio.CymbioScope(Cymbio.CymbioScopes.WriteFulfillments)]
    Task AcceptAsync(long supplierId, long id);

    // Several attributes: every scope of every attribute is required (read:orders is repeated on purpose).
    [Post("/v3/suppliers/{supplierId}/fulfillments/{id}/shipments")]
    [Cymbio.CymbioScope(Cymbio.CymbioScopes.WriteFulfillments)]
    [Cymbio.CymbioScope(Cymbio.CymbioScopes.WriteOrders, Cymbio.CymbioScopes.ReadOrders)]
    Task ShipAsync(long supplierId, long id, [Body] Resource shipment);

    // Overloads on the same route told apart by the HTTP method alone.
    [Put("/v3/fulfillments/{id}")]
    [Cymbio.CymbioScope(Cymbio.CymbioScopes.WriteFulfillments)]
    Task UpdateAsync(long id, [Body] Resource fulfillment);

    [Patch("/v3/fulfillments/{id}")]
    [Cymbio.CymbioScope(Cymbio.CymbioScopes.WriteFulfillments, Cymbio.CymbioScopes.WriteOrders)]
    Task UpdateAsync(long id, [Body] Resource changes, CancellationToken cancellationToken);

    [Delete("/v3/fulfillments/{id}")]
    [Cymbio.CymbioScope(Cymbio.CymbioScopes.WriteFulfillments)]
    Task CancelAsync(long id);
}
