using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace Cymbio.Api.Suppliers;

/// <summary>
/// Sales channels: those Cymbio supports and those the supplier is connected to, docs/cymbio-api.md I-1 and I-2, both
/// inferred (<c>read:channels</c> "Retrieves channels list" is the only trace). Both need <c>read:channels</c>.
/// </summary>
public interface IChannelsApi
{
    /// <summary><c>GET /v3/channels</c> — lists the channels Cymbio supports. Scope <c>read:channels</c>; inferred (I-1).</summary>
    /// <param name="fields">The <c>fields</c> projection: the fields to include, or <see langword="null"/> for all.</param>
    /// <param name="limit">A page size, passed through (pagination is not documented).</param>
    /// <param name="offset">A page offset, passed through.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The channels.</returns>
    [Get("/v3/channels")]
    [CymbioScope(CymbioScopes.ReadChannels)]
    [CymbioEndpoint("I-1", CymbioEvidence.Inferred)]
    Task<IReadOnlyList<Channel>> ListAsync(
        [Query(CollectionFormat.Csv)] IEnumerable<string>? fields = null,
        int? limit = null,
        int? offset = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>GET /v3/suppliers/{supplierId}/channels</c> — lists the channels the supplier is connected to. Scope <c>read:channels</c>; inferred (I-2).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="fields">The <c>fields</c> projection, or <see langword="null"/> for all.</param>
    /// <param name="limit">A page size, passed through.</param>
    /// <param name="offset">A page offset, passed through.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The supplier's channels.</returns>
    [Get("/v3/suppliers/{supplierId}/channels")]
    [CymbioScope(CymbioScopes.ReadChannels)]
    [CymbioEndpoint("I-2", CymbioEvidence.Inferred)]
    Task<IReadOnlyList<SupplierChannel>> ListSupplierChannelsAsync(
        long supplierId,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? fields = null,
        int? limit = null,
        int? offset = null,
        CancellationToken cancellationToken = default);
}
