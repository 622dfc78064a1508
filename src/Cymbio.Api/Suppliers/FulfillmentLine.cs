using System.Text.Json.Serialization;

namespace Cymbio.Api.Suppliers;

/// <summary>One line of a fulfillment (the shape is reconstructed, docs/cymbio-api.md §6.1).</summary>
public sealed record FulfillmentLine
{
    /// <summary>Gets the SKU.</summary>
    [JsonPropertyName("sku")]
    public string? Sku { get; init; }

    /// <summary>Gets the UPC.</summary>
    [JsonPropertyName("upc")]
    public string? Upc { get; init; }

    /// <summary>Gets the EAN.</summary>
    [JsonPropertyName("ean")]
    public string? Ean { get; init; }

    /// <summary>Gets the variant id.</summary>
    [JsonPropertyName("variant_id")]
    public long? VariantId { get; init; }

    /// <summary>Gets the quantity.</summary>
    [JsonPropertyName("quantity")]
    public int Quantity { get; init; }

    /// <summary>Gets the unit price.</summary>
    [JsonPropertyName("unit_price")]
    public decimal? UnitPrice { get; init; }
}
