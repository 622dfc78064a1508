using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Cymbio.Api.Suppliers;

/// <summary>
/// Ships some or all lines of one fulfillment, in one or more packages:
/// <c>{"id": 3832, "shipments": [{"trackingNumber": "1Z…", "items": [{"sku": "…", "quantity": 1}]}]}</c>.
/// </summary>
/// <param name="FulfillmentId">The fulfillment id (Cymbio calls the field <c>id</c>).</param>
/// <param name="Shipments">The packages.</param>
public sealed record ShipmentsRequest(
    [property: JsonPropertyName("id")] long FulfillmentId,
    [property: JsonPropertyName("shipments")] IReadOnlyList<Shipment> Shipments);

/// <summary>One package: its tracking number (camelCase <c>trackingNumber</c> in Cymbio's JSON) and its items.</summary>
/// <param name="TrackingNumber">The tracking number.</param>
/// <param name="Items">The items in the package.</param>
public sealed record Shipment(
    [property: JsonPropertyName("trackingNumber")] string TrackingNumber,
    [property: JsonPropertyName("items")] IReadOnlyList<LineItem> Items);
