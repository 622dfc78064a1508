using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace Cymbio.Api.Suppliers;

/// <summary>Calls of <see cref="ISupplierFulfillmentsApi"/> and <see cref="CymbioSupplierClient.FulfillmentsClient"/> that need more than one request.</summary>
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
    public static Task<CymbioActionResult?> ApproveCancellationAsync(this ISupplierFulfillmentsApi api, long supplierId, long fulfillmentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);

        // The inferred path form is tried knowingly, with the confirmed body form as the fallback.
#pragma warning disable CYM0017 // Call to an inferred Cymbio endpoint
        return ApproveCancellationAsync(
            token => api.CancelAsync(supplierId, fulfillmentId, EmptyRequest.Instance, token),
            token => api.SetStatusAsync(supplierId, fulfillmentId, new FulfillmentStatusRequest(FulfillmentStatuses.Canceled), token),
            cancellationToken);
#pragma warning restore CYM0017
    }

    /// <summary>
    /// Approves the retailer's cancellation of a fulfillment of the configured supplier (<c>cancelling</c> →
    /// <c>canceled</c>, C-6): the path form first, the body form when Cymbio answers 404 or 405, as
    /// <see cref="ApproveCancellationAsync(ISupplierFulfillmentsApi, long, long, CancellationToken)"/> does.
    /// </summary>
    /// <param name="fulfillments">The supplier's fulfillments (<c>cymbio.Supplier.Fulfillments</c>).</param>
    /// <param name="fulfillmentId">The fulfillment id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [CymbioScope(CymbioScopes.WriteFulfillments)]
    public static Task<CymbioActionResult?> ApproveCancellationAsync(this CymbioSupplierClient.FulfillmentsClient fulfillments, long fulfillmentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fulfillments);
#pragma warning disable CYM0017 // Call to an inferred Cymbio endpoint
        return ApproveCancellationAsync(
            token => fulfillments.CancelAsync(fulfillmentId, token),
            token => fulfillments.SetStatusAsync(fulfillmentId, new FulfillmentStatusRequest(FulfillmentStatuses.Canceled), token),
            cancellationToken);
#pragma warning restore CYM0017
    }

    private static async Task<CymbioActionResult?> ApproveCancellationAsync(
        Func<CancellationToken, Task<CymbioActionResult?>> pathForm, Func<CancellationToken, Task<CymbioActionResult?>> bodyForm, CancellationToken cancellationToken)
    {
        try
        {
            return await pathForm(cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
        {
            return await bodyForm(cancellationToken).ConfigureAwait(false);
        }
    }
}
