using System.Text.Json.Serialization;

namespace Cymbio.Api.Suppliers;

/// <summary>The body of accepting a fulfillment: <c>{}</c>, or <c>{"tracking_number": "…"}</c> (both seen).</summary>
/// <param name="TrackingNumber">A tracking number to send with the acceptance, or <see langword="null"/>.</param>
public sealed record AcceptFulfillmentRequest(
    [property: JsonPropertyName("tracking_number")] string? TrackingNumber = null);

/// <summary>The body of shipping a whole fulfillment with one tracking number: <c>{"data": "1Z…"}</c>.</summary>
/// <param name="TrackingNumber">The tracking number (Cymbio calls the field <c>data</c>).</param>
public sealed record ShipFulfillmentRequest(
    [property: JsonPropertyName("data")] string TrackingNumber);

/// <summary>The body form of a status change: <c>{"status": "canceled"}</c> on <c>PUT …/setStatus</c>.</summary>
/// <param name="Status">The target status, one of <see cref="FulfillmentStatuses"/>.</param>
public sealed record FulfillmentStatusRequest(
    [property: JsonPropertyName("status")] string Status);

/// <summary>Fields of a fulfillment to update; the one seen attaches an invoice: <c>{"invoice_id": "12345"}</c>.</summary>
/// <param name="InvoiceId">The invoice id.</param>
public sealed record FulfillmentUpdate(
    [property: JsonPropertyName("invoice_id")] string? InvoiceId = null);
