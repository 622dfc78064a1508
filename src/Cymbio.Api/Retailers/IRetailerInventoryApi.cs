using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace Cymbio.Api.Retailers;

/// <summary>
/// The connected suppliers' inventory, without the full catalogue (docs/cymbio-api.md I-26; the catalogue of
/// <see cref="IRetailerCatalogApi"/> carries it per product). Needs <c>read:inventory</c>.
/// </summary>
public interface IRetailerInventoryApi
{
    /// <summary><c>GET /v3/retailers/{retailerId}/inventory</c> — lists the available inventory per variant. Scope <c>read:inventory</c>; inferred (I-26).</summary>
    /// <param name="retailerId">The retailer id.</param>
    /// <param name="filter">The <c>filter</c> query parameter, for example one supplier.</param>
    /// <param name="fields">The <c>fields</c> projection: the fields to include, or <see langword="null"/> for all.</param>
    /// <param name="limit">A page size, passed through (pagination is not documented).</param>
    /// <param name="offset">A page offset, passed through.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The inventory levels.</returns>
    [Get("/v3/retailers/{retailerId}/inventory")]
    [CymbioScope(CymbioScopes.ReadInventory)]
    [CymbioEndpoint("I-26", CymbioEvidence.Inferred)]
    Task<IReadOnlyList<RetailerInventoryLevel>> ListAsync(
        long retailerId,
        RetailerInventoryFilter? filter = null,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? fields = null,
        int? limit = null,
        int? offset = null,
        CancellationToken cancellationToken = default);
}
