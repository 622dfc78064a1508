using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace Cymbio.Api.Retailers;

/// <summary>
/// The retailer itself: its profile, the suppliers it is connected to and its channels (docs/cymbio-api.md C-22, C-23,
/// I-27..I-29). C-22 and C-23 were seen only in a 2018 prototype that ran against Cymbio's staging server (S11).
/// </summary>
public interface IRetailerProfileApi
{
    /// <summary><c>GET /v3/retailers/{retailerId}</c> — the retailer's profile. Scope <c>read:retailers</c>; dated (C-22; S11).</summary>
    /// <param name="retailerId">The retailer id.</param>
    /// <param name="fields">The <c>fields</c> projection, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The profile.</returns>
    [Get("/v3/retailers/{retailerId}")]
    [CymbioScope(CymbioScopes.ReadRetailers)]
    [CymbioEndpoint("C-22", CymbioEvidence.Dated, "S11")]
    Task<RetailerProfile> GetAsync(long retailerId, [Query(CollectionFormat.Csv)] IEnumerable<string>? fields = null, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v3/retailers</c> — creates a retailer (probably; the prototype's use of it is unclear). Scope <c>write:retailers</c>; dated (C-23; S11).</summary>
    /// <param name="request">The new retailer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created retailer (as C-15 answers for a supplier), or <see langword="null"/> when Cymbio sends no body.</returns>
    [Post("/v3/retailers")]
    [CymbioScope(CymbioScopes.WriteRetailers)]
    [CymbioEndpoint("C-23", CymbioEvidence.Dated, "S11")]
    Task<RetailerProfile?> CreateAsync([Body] CreateRetailerRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v3/retailers/{retailerId}</c> — updates the retailer's profile or settings, for example its shipping method codes. Scope <c>write:retailers</c>; inferred (I-28).</summary>
    /// <param name="retailerId">The retailer id.</param>
    /// <param name="update">The fields to update.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [Put("/v3/retailers/{retailerId}")]
    [CymbioScope(CymbioScopes.WriteRetailers)]
    [CymbioEndpoint("I-28", CymbioEvidence.Inferred)]
    Task<CymbioActionResult?> UpdateAsync(long retailerId, [Body] RetailerUpdate update, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v3/retailers/{retailerId}/suppliers</c> — the suppliers the retailer is connected to. Scope <c>read:suppliers</c>; inferred (I-27).</summary>
    /// <param name="retailerId">The retailer id.</param>
    /// <param name="fields">The <c>fields</c> projection: the fields to include, or <see langword="null"/> for all.</param>
    /// <param name="limit">A page size, passed through (pagination is not documented).</param>
    /// <param name="offset">A page offset, passed through.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The suppliers.</returns>
    [Get("/v3/retailers/{retailerId}/suppliers")]
    [CymbioScope(CymbioScopes.ReadSuppliers)]
    [CymbioEndpoint("I-27", CymbioEvidence.Inferred)]
    Task<IReadOnlyList<ConnectedSupplier>> ListSuppliersAsync(
        long retailerId,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? fields = null,
        int? limit = null,
        int? offset = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>GET /v3/retailers/{retailerId}/channels</c> — the retailer's sales channels. Scope <c>read:channels</c>; inferred (I-29).</summary>
    /// <param name="retailerId">The retailer id.</param>
    /// <param name="fields">The <c>fields</c> projection: the fields to include, or <see langword="null"/> for all.</param>
    /// <param name="limit">A page size, passed through (pagination is not documented).</param>
    /// <param name="offset">A page offset, passed through.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The channels.</returns>
    [Get("/v3/retailers/{retailerId}/channels")]
    [CymbioScope(CymbioScopes.ReadChannels)]
    [CymbioEndpoint("I-29", CymbioEvidence.Inferred)]
    Task<IReadOnlyList<RetailerChannel>> ListChannelsAsync(
        long retailerId,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? fields = null,
        int? limit = null,
        int? offset = null,
        CancellationToken cancellationToken = default);
}
