using System;

namespace Cymbio.Api.Suppliers;

/// <summary>
/// Known values of <see cref="Fulfillment.FulfillmentState"/>. The set is open: Cymbio may send others. Cymbio spells
/// a pending cancellation <c>cancelling</c> in filters and <c>canceling</c> in responses; use
/// <see cref="IsCancellationRequested"/> to accept both.
/// </summary>
public static class FulfillmentStates
{
    /// <summary>A new fulfillment, not yet accepted.</summary>
    public const string New = "new";

    /// <summary>Accepted by the supplier (inferred from the status change of the same name).</summary>
    public const string Accepted = "accepted";

    /// <summary>Shipped (inferred from the status change of the same name).</summary>
    public const string Shipped = "shipped";

    /// <summary>The retailer asked to cancel; the spelling Cymbio's filters use.</summary>
    public const string Cancelling = "cancelling";

    /// <summary>The retailer asked to cancel; the spelling Cymbio's responses use.</summary>
    public const string Canceling = "canceling";

    /// <summary>Canceled.</summary>
    public const string Canceled = "canceled";

    /// <summary>Whether <paramref name="state"/> is a pending cancellation, in either spelling.</summary>
    /// <param name="state">A fulfillment state.</param>
    /// <returns><see langword="true"/> for <c>cancelling</c> and <c>canceling</c>.</returns>
    public static bool IsCancellationRequested(string? state) =>
        string.Equals(state, Cancelling, StringComparison.Ordinal) || string.Equals(state, Canceling, StringComparison.Ordinal);
}
