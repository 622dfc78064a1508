using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Cymbio.Api.Retailers;

/// <summary>A return as the retailer sees it (an inferred shape, docs/cymbio-api.md I-25).</summary>
public sealed record RetailerReturn
{
    /// <summary>Gets Cymbio's id of the return.</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>Gets the client-chosen return id, if one was given.</summary>
    [JsonPropertyName("return_id")]
    public string? ReturnId { get; init; }

    /// <summary>Gets the order the return belongs to.</summary>
    [JsonPropertyName("order_id")]
    public long? OrderId { get; init; }

    /// <summary>Gets the supplier that takes the items back.</summary>
    [JsonPropertyName("supplier_id")]
    public long? SupplierId { get; init; }

    /// <summary>Gets the reason.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>Gets the state (an open set; the supplier moves it to one of <see cref="Suppliers.ReturnStatuses"/>).</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    /// <summary>Gets the returned items.</summary>
    [JsonPropertyName("return_lines")]
    public IReadOnlyList<LineItem>? ReturnLines { get; init; }

    /// <summary>Gets the amount refunded, once the supplier refunds it.</summary>
    [JsonPropertyName("refund_amount")]
    public decimal? RefundAmount { get; init; }
}
