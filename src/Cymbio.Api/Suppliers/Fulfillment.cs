using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cymbio.Api.Suppliers;

/// <summary>
/// A fulfillment: the part of a retailer's order that one supplier ships (docs/cymbio-api.md §6.1). States are open
/// strings — compare them with <see cref="FulfillmentStates"/> and <see cref="RetailerStates"/>. Members Cymbio adds
/// later are ignored.
/// </summary>
public sealed record Fulfillment
{
    /// <summary>Gets the fulfillment id (the <c>fulfillment_id</c> of the other calls).</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>Gets the retailer's id.</summary>
    [JsonPropertyName("retailer_id")]
    public long? RetailerId { get; init; }

    /// <summary>Gets the retailer's store name.</summary>
    [JsonPropertyName("retailer_name")]
    public string? RetailerName { get; init; }

    /// <summary>Gets the retailer's id in the supplier's ERP (a string).</summary>
    [JsonPropertyName("retailer_erp_id")]
    public string? RetailerErpId { get; init; }

    /// <summary>Gets the order's state at the retailer, for example <see cref="RetailerStates.Ordered"/>.</summary>
    [JsonPropertyName("retailer_state")]
    public string? RetailerState { get; init; }

    /// <summary>Gets the fulfillment's state, for example <see cref="FulfillmentStates.New"/>.</summary>
    [JsonPropertyName("fulfillment_state")]
    public string? FulfillmentState { get; init; }

    /// <summary>Gets the notes (their shape is not documented, so they are kept as JSON).</summary>
    [JsonPropertyName("notes")]
    public IReadOnlyList<JsonElement>? Notes { get; init; }

    /// <summary>Gets the retailer's shipper account.</summary>
    [JsonPropertyName("retailer_shipper_account")]
    public string? RetailerShipperAccount { get; init; }

    /// <summary>Gets the order id (expected, not seen).</summary>
    [JsonPropertyName("order_id")]
    public long? OrderId { get; init; }

    /// <summary>Gets the retailer's order id (expected, not seen).</summary>
    [JsonPropertyName("retailer_order_id")]
    public string? RetailerOrderId { get; init; }

    /// <summary>Gets the warehouse id (expected, not seen).</summary>
    [JsonPropertyName("warehouse_id")]
    public long? WarehouseId { get; init; }

    /// <summary>Gets the shipping method code (expected, not seen).</summary>
    [JsonPropertyName("shipping_method_code")]
    public string? ShippingMethodCode { get; init; }

    /// <summary>Gets the shipping address (expected, not seen).</summary>
    [JsonPropertyName("shipping_address")]
    public Address? ShippingAddress { get; init; }

    /// <summary>Gets the billing address (expected, not seen).</summary>
    [JsonPropertyName("billing_address")]
    public Address? BillingAddress { get; init; }

    /// <summary>Gets the lines (expected, not seen).</summary>
    [JsonPropertyName("fulfillment_lines")]
    public IReadOnlyList<FulfillmentLine>? FulfillmentLines { get; init; }

    /// <summary>Gets the tracking number (expected, not seen).</summary>
    [JsonPropertyName("tracking_number")]
    public string? TrackingNumber { get; init; }

    /// <summary>Gets the invoice id (expected, not seen).</summary>
    [JsonPropertyName("invoice_id")]
    public string? InvoiceId { get; init; }

    /// <summary>Gets when the fulfillment was created (expected, not seen).</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets when the fulfillment was last changed (expected, not seen).</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }
}
