using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Cymbio.Api.Retailers;

/// <summary>
/// The part of a retailer's order that one supplier ships, as the retailer sees it (I-21, I-22; an inferred shape).
/// Compare <see cref="FulfillmentState"/> with <see cref="Suppliers.FulfillmentStates"/>.
/// </summary>
public sealed record OrderFulfillment
{
    /// <summary>Gets the fulfillment id.</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>Gets the supplier that ships it.</summary>
    [JsonPropertyName("supplier_id")]
    public long? SupplierId { get; init; }

    /// <summary>Gets the fulfillment's state, for example <see cref="Suppliers.FulfillmentStates.Shipped"/>.</summary>
    [JsonPropertyName("fulfillment_state")]
    public string? FulfillmentState { get; init; }

    /// <summary>Gets the tracking numbers.</summary>
    [JsonPropertyName("tracking_numbers")]
    public IReadOnlyList<string>? TrackingNumbers { get; init; }

    /// <summary>Gets the packages shipped so far.</summary>
    [JsonPropertyName("shipments")]
    public IReadOnlyList<OrderShipment>? Shipments { get; init; }
}

/// <summary>
/// One shipped package of an order (an inferred shape: the supplier's shipment of C-11, camelCase
/// <c>trackingNumber</c> included).
/// </summary>
public sealed record OrderShipment
{
    /// <summary>Gets the tracking number.</summary>
    [JsonPropertyName("trackingNumber")]
    public string? TrackingNumber { get; init; }

    /// <summary>Gets the items in the package.</summary>
    [JsonPropertyName("items")]
    public IReadOnlyList<LineItem>? Items { get; init; }
}
