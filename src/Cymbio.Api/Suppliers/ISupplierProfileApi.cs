using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace Cymbio.Api.Suppliers;

/// <summary>
/// The supplier's profile and the retailers it trades with: docs/cymbio-api.md C-14, C-15 (the 2017 SDK S10), I-3 and
/// I-4. Reading the profile needs <c>read:suppliers</c>, changing it <c>write:suppliers</c>, the retailers
/// <c>read:retailers</c>.
/// </summary>
public interface ISupplierProfileApi
{
    /// <summary><c>GET /v3/suppliers/{supplierId}</c> — the supplier's profile. Scope <c>read:suppliers</c>; dated (C-14; S10).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="fields">The <c>fields</c> projection: the fields to include, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The supplier.</returns>
    [Get("/v3/suppliers/{supplierId}")]
    [CymbioScope(CymbioScopes.ReadSuppliers)]
    [CymbioEndpoint("C-14", CymbioEvidence.Dated, "S10")]
    Task<Supplier> GetAsync(long supplierId, [Query(CollectionFormat.Csv)] IEnumerable<string>? fields = null, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v3/suppliers</c> — creates a supplier. Scope <c>write:suppliers</c>; dated (C-15; S10).</summary>
    /// <param name="request">The name and subdomain.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new supplier.</returns>
    [Post("/v3/suppliers")]
    [CymbioScope(CymbioScopes.WriteSuppliers)]
    [CymbioEndpoint("C-15", CymbioEvidence.Dated, "S10")]
    Task<Supplier> CreateAsync([Body] SupplierRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v3/suppliers/{supplierId}</c> — updates the supplier's profile. Scope <c>write:suppliers</c>; inferred (I-4).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="request">The fields to update.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [Put("/v3/suppliers/{supplierId}")]
    [CymbioScope(CymbioScopes.WriteSuppliers)]
    [CymbioEndpoint("I-4", CymbioEvidence.Inferred)]
    Task<CymbioActionResult?> UpdateAsync(long supplierId, [Body] SupplierRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v3/suppliers/{supplierId}/retailers</c> — lists the retailers the supplier trades with. Scope <c>read:retailers</c>; inferred (I-3).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="fields">The <c>fields</c> projection, or <see langword="null"/> for all.</param>
    /// <param name="limit">A page size, passed through (pagination is not documented).</param>
    /// <param name="offset">A page offset, passed through.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The retailers.</returns>
    [Get("/v3/suppliers/{supplierId}/retailers")]
    [CymbioScope(CymbioScopes.ReadRetailers)]
    [CymbioEndpoint("I-3", CymbioEvidence.Inferred)]
    Task<IReadOnlyList<ConnectedRetailer>> ListRetailersAsync(
        long supplierId,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? fields = null,
        int? limit = null,
        int? offset = null,
        CancellationToken cancellationToken = default);
}
