using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Cymbio.Api.Retailers;

/// <summary>
/// A request to cancel an order, or some of its lines: <c>{"reason": "…", "order_lines": [{"sku": "…", "quantity": 1}]}</c>
/// (I-23, inferred). The suppliers then see their fulfillments as <c>cancelling</c> until they approve or refuse.
/// </summary>
/// <param name="Reason">The reason, or <see langword="null"/>.</param>
/// <param name="OrderLines">The lines to cancel, or <see langword="null"/> to cancel the whole order.</param>
public sealed record CancelOrderRequest(
    [property: JsonPropertyName("reason")] string? Reason = null,
    [property: JsonPropertyName("order_lines")] IReadOnlyList<LineItem>? OrderLines = null);
