using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace Cymbio.Api.Retailers;

/// <summary>
/// The catalogue of the brands a retailer is connected to: product copy, imagery, pricing and inventory
/// (docs/cymbio-api.md C-20). Needs <c>read:variants</c>.
/// </summary>
public interface IRetailerCatalogApi
{
    /// <summary><c>GET /v3/retailers/{retailerId}/variants?service_type=…</c> — lists the connected brands' products (product-level objects, despite the path). Scope <c>read:variants</c>; confirmed (C-20; S4).</summary>
    /// <param name="retailerId">The retailer id.</param>
    /// <param name="serviceType">The <c>service_type</c> query parameter, one of <see cref="ServiceTypes"/>; <see cref="ServiceTypes.Ecommerce"/> unless given.</param>
    /// <param name="fields">The <c>fields</c> projection: the fields to include, or <see langword="null"/> for all.</param>
    /// <param name="limit">A page size, passed through (pagination is not documented).</param>
    /// <param name="offset">A page offset, passed through.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The products.</returns>
    [Get("/v3/retailers/{retailerId}/variants")]
    [CymbioScope(CymbioScopes.ReadVariants)]
    [CymbioEndpoint("C-20", CymbioEvidence.Confirmed, "S4")]
    Task<IReadOnlyList<RetailerProduct>> ListProductsAsync(
        long retailerId,
        [AliasAs("service_type")] string serviceType = ServiceTypes.Ecommerce,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? fields = null,
        int? limit = null,
        int? offset = null,
        CancellationToken cancellationToken = default);
}
