using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Cymbio.Api.Retailers;

/// <summary>
/// A retailer's order as Cymbio answers it (I-20, I-21; an inferred shape: the body of C-21 with Cymbio's id, state and
/// the per-supplier fulfillments it split the order into). Members Cymbio adds later are ignored.
/// </summary>
public sealed record RetailerOrder
{
    /// <summary>Gets Cymbio's order id (the <c>orderId</c> of the other calls).</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>Gets the retailer's id.</summary>
    [JsonPropertyName("retailer_id")]
    public long? RetailerId { get; init; }

    /// <summary>Gets the retailer's order id.</summary>
    [JsonPropertyName("retailer_order_id")]
    public string? RetailerOrderId { get; init; }

    /// <summary>Gets the order's id in the retailer's platform.</summary>
    [JsonPropertyName("id_in_source")]
    public string? IdInSource { get; init; }

    /// <summary>Gets the order type, for example <see cref="OrderTypes.Ecommerce"/>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets the order's state, for example <see cref="OrderStates.Ordered"/>.</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    /// <summary>Gets the shipping method code.</summary>
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
    public IReadOnlyList<OrderLine>? OrderLines { get; init; }

    /// <summary>Gets the fulfillments (per-supplier splits) with their states and tracking.</summary>
    [JsonPropertyName("fulfillments")]
    public IReadOnlyList<OrderFulfillment>? Fulfillments { get; init; }

    /// <summary>Gets when the order was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets when the order was last changed.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }
}
