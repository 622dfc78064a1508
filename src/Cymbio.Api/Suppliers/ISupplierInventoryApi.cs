using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace Cymbio.Api.Suppliers;

/// <summary>
/// The supplier's inventory: quantities available to sell per variant and warehouse, docs/cymbio-api.md I-12…I-14, all
/// inferred. Reading needs <c>read:inventory</c>, pushing quantities <c>write:inventory</c>.
/// </summary>
public interface ISupplierInventoryApi
{
    /// <summary><c>GET /v3/suppliers/{supplierId}/inventory</c> — lists inventory levels across warehouses. Scope <c>read:inventory</c>; inferred (I-12).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="filter">The <c>filter</c> query parameter, for example one SKU in one warehouse.</param>
    /// <param name="fields">The <c>fields</c> projection: the fields to include, or <see langword="null"/> for all.</param>
    /// <param name="limit">A page size, passed through (pagination is not documented).</param>
    /// <param name="offset">A page offset, passed through.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The inventory levels.</returns>
    [Get("/v3/suppliers/{supplierId}/inventory")]
    [CymbioScope(CymbioScopes.ReadInventory)]
    [CymbioEndpoint("I-12", CymbioEvidence.Inferred)]
    Task<IReadOnlyList<InventoryLevel>> ListAsync(
        long supplierId,
        InventoryFilter? filter = null,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? fields = null,
        int? limit = null,
        int? offset = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>GET /v3/suppliers/{supplierId}/warehouses/{warehouseId}/inventory</c> — lists the inventory levels of one warehouse. Scope <c>read:inventory</c>; inferred (I-13).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="warehouseId">The warehouse id.</param>
    /// <param name="fields">The <c>fields</c> projection, or <see langword="null"/> for all.</param>
    /// <param name="limit">A page size, passed through.</param>
    /// <param name="offset">A page offset, passed through.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The inventory levels.</returns>
    [Get("/v3/suppliers/{supplierId}/warehouses/{warehouseId}/inventory")]
    [CymbioScope(CymbioScopes.ReadInventory)]
    [CymbioEndpoint("I-13", CymbioEvidence.Inferred)]
    Task<IReadOnlyList<InventoryLevel>> ListByWarehouseAsync(
        long supplierId,
        long warehouseId,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? fields = null,
        int? limit = null,
        int? offset = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v3/suppliers/{supplierId}/warehouses/{warehouseId}/inventory</c> — sets the quantities available to sell in one warehouse: absolute values, not deltas. Scope <c>write:inventory</c>; inferred (I-14).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="warehouseId">The warehouse id.</param>
    /// <param name="levels">The levels, each keyed by SKU, UPC, EAN or variant id (the body is a JSON array; an array, since Refit serializes a body by its runtime type).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [Put("/v3/suppliers/{supplierId}/warehouses/{warehouseId}/inventory")]
    [CymbioScope(CymbioScopes.WriteInventory)]
    [CymbioEndpoint("I-14", CymbioEvidence.Inferred)]
    Task<CymbioActionResult?> SetLevelsAsync(long supplierId, long warehouseId, [Body] InventoryLevel[] levels, CancellationToken cancellationToken = default);
}
