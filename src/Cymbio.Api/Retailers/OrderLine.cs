using System.Text.Json.Serialization;

namespace Cymbio.Api.Retailers;

/// <summary>
/// One line of a retailer's order, as it is sent (C-21) and read back (I-20, I-21). The shape is reconstructed from
/// Cymbio's order model (docs/cymbio-api.md §6.6, S14).
/// </summary>
public sealed record OrderLine
{
    /// <summary>Gets the retailer's SKU.</summary>
    [JsonPropertyName("retailer_sku")]
    public string? RetailerSku { get; init; }

    /// <summary>Gets Cymbio's variant id (<see cref="RetailerProduct.Variants"/>).</summary>
    [JsonPropertyName("variant_id")]
    public long? VariantId { get; init; }

    /// <summary>Gets the quantity.</summary>
    [JsonPropertyName("quantity")]
    public int Quantity { get; init; }

    /// <summary>Gets the unit price.</summary>
    [JsonPropertyName("unit_price")]
    public decimal? UnitPrice { get; init; }

    /// <summary>Gets the amount billed to the end consumer for the line.</summary>
    [JsonPropertyName("billed_amount")]
    public decimal? BilledAmount { get; init; }

    /// <summary>Gets the tax billed for the line.</summary>
    [JsonPropertyName("tax_billed_amount")]
    public decimal? TaxBilledAmount { get; init; }
}
