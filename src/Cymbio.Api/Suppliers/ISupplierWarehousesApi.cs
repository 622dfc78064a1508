using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace Cymbio.Api.Suppliers;

/// <summary>
/// The supplier's warehouses (inventory sources): docs/cymbio-api.md I-8…I-11, all inferred. Reading needs
/// <c>read:warehouses</c>, every change <c>write:warehouses</c>.
/// </summary>
public interface ISupplierWarehousesApi
{
    /// <summary><c>GET /v3/suppliers/{supplierId}/warehouses</c> — lists the supplier's warehouses. Scope <c>read:warehouses</c>; inferred (I-8).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="fields">The <c>fields</c> projection: the fields to include, or <see langword="null"/> for all.</param>
    /// <param name="limit">A page size, passed through (pagination is not documented).</param>
    /// <param name="offset">A page offset, passed through.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The warehouses.</returns>
    [Get("/v3/suppliers/{supplierId}/warehouses")]
    [CymbioScope(CymbioScopes.ReadWarehouses)]
    [CymbioEndpoint("I-8", CymbioEvidence.Inferred)]
    Task<IReadOnlyList<Warehouse>> ListAsync(
        long supplierId,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? fields = null,
        int? limit = null,
        int? offset = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>GET /v3/suppliers/{supplierId}/warehouses/{warehouseId}</c> — one warehouse. Scope <c>read:warehouses</c>; inferred (I-9).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="warehouseId">The warehouse id.</param>
    /// <param name="fields">The <c>fields</c> projection, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The warehouse.</returns>
    [Get("/v3/suppliers/{supplierId}/warehouses/{warehouseId}")]
    [CymbioScope(CymbioScopes.ReadWarehouses)]
    [CymbioEndpoint("I-9", CymbioEvidence.Inferred)]
    Task<Warehouse> GetAsync(long supplierId, long warehouseId, [Query(CollectionFormat.Csv)] IEnumerable<string>? fields = null, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v3/suppliers/{supplierId}/warehouses</c> — creates a warehouse. Scope <c>write:warehouses</c>; inferred (I-10).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="request">The warehouse.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new warehouse.</returns>
    [Post("/v3/suppliers/{supplierId}/warehouses")]
    [CymbioScope(CymbioScopes.WriteWarehouses)]
    [CymbioEndpoint("I-10", CymbioEvidence.Inferred)]
    Task<Warehouse> CreateAsync(long supplierId, [Body] WarehouseRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v3/suppliers/{supplierId}/warehouses/{warehouseId}</c> — updates a warehouse. Scope <c>write:warehouses</c>; inferred (I-11).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="warehouseId">The warehouse id.</param>
    /// <param name="request">The fields to update.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [Put("/v3/suppliers/{supplierId}/warehouses/{warehouseId}")]
    [CymbioScope(CymbioScopes.WriteWarehouses)]
    [CymbioEndpoint("I-11", CymbioEvidence.Inferred)]
    Task<CymbioActionResult?> UpdateAsync(long supplierId, long warehouseId, [Body] WarehouseRequest request, CancellationToken cancellationToken = default);
}
