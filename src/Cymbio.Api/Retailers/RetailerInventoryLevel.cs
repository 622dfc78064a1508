using System;
using System.Text.Json.Serialization;

namespace Cymbio.Api.Retailers;

/// <summary>The available inventory of one variant of a connected supplier (an inferred shape, docs/cymbio-api.md I-26).</summary>
public sealed record RetailerInventoryLevel
{
    /// <summary>Gets Cymbio's variant id.</summary>
    [JsonPropertyName("variant_id")]
    public long? VariantId { get; init; }

    /// <summary>Gets the SKU.</summary>
    [JsonPropertyName("sku")]
    public string? Sku { get; init; }

    /// <summary>Gets the UPC.</summary>
    [JsonPropertyName("upc")]
    public string? Upc { get; init; }

    /// <summary>Gets the supplier's id.</summary>
    [JsonPropertyName("supplier_id")]
    public long? SupplierId { get; init; }

    /// <summary>Gets the available quantity (available to sell, summed over the supplier's warehouses).</summary>
    [JsonPropertyName("available_inventory")]
    public int? AvailableInventory { get; init; }

    /// <summary>Gets when the quantity last changed.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }
}
