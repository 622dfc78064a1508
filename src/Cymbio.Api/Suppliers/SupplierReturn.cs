using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Cymbio.Api.Suppliers;

/// <summary>A return as the supplier sees it (an inferred shape, docs/cymbio-api.md I-15).</summary>
public sealed record SupplierReturn
{
    /// <summary>Gets Cymbio's id of the return.</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>Gets the client-chosen return id, if one was given.</summary>
    [JsonPropertyName("return_id")]
    public string? ReturnId { get; init; }

    /// <summary>Gets the fulfillment the return belongs to.</summary>
    [JsonPropertyName("fulfillment_id")]
    public long? FulfillmentId { get; init; }

    /// <summary>Gets the retailer's id.</summary>
    [JsonPropertyName("retailer_id")]
    public long? RetailerId { get; init; }

    /// <summary>Gets the reason.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>Gets the state (an open set; see <see cref="ReturnStatuses"/>).</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    /// <summary>Gets the returned items.</summary>
    [JsonPropertyName("return_lines")]
    public IReadOnlyList<LineItem>? ReturnLines { get; init; }

    /// <summary>Gets the refund amount.</summary>
    [JsonPropertyName("refund_amount")]
    public decimal? RefundAmount { get; init; }
}
