using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Cymbio.Api.Retailers;

/// <summary>
/// A new order pushed for fulfilment (C-21). Cymbio's guide shows only the start of the body
/// (<c>retailer_order_id</c>, <c>id_in_source</c>) and says it carries the shipping and billing addresses, the items
/// and a shipping method code; the rest is reconstructed (docs/cymbio-api.md §6.6).
/// </summary>
public sealed record CreateOrderRequest
{
    /// <summary>Gets the retailer's order id.</summary>
    [JsonPropertyName("retailer_order_id")]
    public required string RetailerOrderId { get; init; }

    /// <summary>Gets the order's id in the retailer's platform.</summary>
    [JsonPropertyName("id_in_source")]
    public string? IdInSource { get; init; }

    /// <summary>Gets the order type, for example <see cref="OrderTypes.Ecommerce"/>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets the shipping method code (Cymbio's codes, or the retailer's own list).</summary>
    [JsonPropertyName("shipping_method_code")]
    public string? ShippingMethodCode { get; init; }

    /// <summary>Gets what the end consumer paid for shipping.</summary>
    [JsonPropertyName("shipping_paid")]
    public decimal? ShippingPaid { get; init; }

    /// <summary>Gets the shipping address.</summary>
    [JsonPropertyName("shipping_address")]
    public Address? ShippingAddress { get; init; }

    /// <summary>Gets the billing address.</summary>
    [JsonPropertyName("billing_address")]
    public Address? BillingAddress { get; init; }

    /// <summary>Gets the lines.</summary>
    [JsonPropertyName("order_lines")]
    public required IReadOnlyList<OrderLine> OrderLines { get; init; }
}
