using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace Cymbio.Api.Suppliers;

/// <summary>Calls of <see cref="ISupplierFulfillmentsApi"/> that need more than one request.</summary>
public static class SupplierFulfillmentsApiExtensions
{
    /// <summary>
    /// Approves the retailer's cancellation of a fulfillment (<c>cancelling</c> → <c>canceled</c>, C-6): first
    /// <c>PUT …/setStatus/canceled</c> (the path form, inferred); when Cymbio answers 404 or 405, the body form that
    /// Cymbio's guide shows, <c>PUT …/setStatus</c> with <c>{"status": "canceled"}</c>. Any other failure is thrown as is.
    /// </summary>
    /// <param name="api">The fulfillments client.</param>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="fulfillmentId">The fulfillment id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [CymbioScope(CymbioScopes.WriteFulfillments)]
    public static async Task<CymbioActionResult?> ApproveCancellationAsync(this ISupplierFulfillmentsApi api, long supplierId, long fulfillmentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        try
        {
            // The inferred path form is tried knowingly, with the confirmed body form as the fallback.
#pragma warning disable CYM0017 // Call to an inferred Cymbio endpoint
            return await api.CancelAsync(supplierId, fulfillmentId, EmptyRequest.Instance, cancellationToken).ConfigureAwait(false);
#pragma warning restore CYM0017
        }
        catch (ApiException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
        {
            return await api.SetStatusAsync(supplierId, fulfillmentId, new FulfillmentStatusRequest(FulfillmentStatuses.Canceled), cancellationToken).ConfigureAwait(false);
        }
    }
}
