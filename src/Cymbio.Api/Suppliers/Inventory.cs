using System;
using System.Text.Json.Serialization;

namespace Cymbio.Api.Suppliers;

/// <summary>
/// The quantity available to sell (ATS, not on hand) of one variant, keyed by <c>sku</c>, <c>upc</c>, <c>ean</c> or
/// <c>variant_id</c> — any one of them (inferred, docs/cymbio-api.md I-12…I-14). Pushed quantities are absolute values,
/// not deltas. <see cref="WarehouseId"/> and <see cref="UpdatedAt"/> come with what Cymbio sends and are left out of
/// what is pushed to one warehouse.
/// </summary>
/// <param name="Quantity">The quantity available to sell.</param>
/// <param name="Sku">The SKU, when the level is keyed by it.</param>
/// <param name="Upc">The UPC, when the level is keyed by it.</param>
/// <param name="Ean">The EAN, when the level is keyed by it.</param>
/// <param name="VariantId">Cymbio's variant id, when the level is keyed by it.</param>
public sealed record InventoryLevel(
    [property: JsonPropertyName("quantity")] int Quantity,
    [property: JsonPropertyName("sku")] string? Sku = null,
    [property: JsonPropertyName("upc")] string? Upc = null,
    [property: JsonPropertyName("ean")] string? Ean = null,
    [property: JsonPropertyName("variant_id")] long? VariantId = null)
{
    /// <summary>Gets the warehouse the quantity is in (in what Cymbio sends).</summary>
    [JsonPropertyName("warehouse_id")]
    public long? WarehouseId { get; init; }

    /// <summary>Gets when the quantity last changed (in what Cymbio sends).</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>A level keyed by SKU.</summary>
    /// <param name="sku">The SKU.</param>
    /// <param name="quantity">The quantity available to sell.</param>
    /// <returns>The level.</returns>
    public static InventoryLevel BySku(string sku, int quantity) => new(quantity, Sku: sku);

    /// <summary>A level keyed by UPC.</summary>
    /// <param name="upc">The UPC.</param>
    /// <param name="quantity">The quantity available to sell.</param>
    /// <returns>The level.</returns>
    public static InventoryLevel ByUpc(string upc, int quantity) => new(quantity, Upc: upc);

    /// <summary>A level keyed by EAN.</summary>
    /// <param name="ean">The EAN.</param>
    /// <param name="quantity">The quantity available to sell.</param>
    /// <returns>The level.</returns>
    public static InventoryLevel ByEan(string ean, int quantity) => new(quantity, Ean: ean);

    /// <summary>A level keyed by Cymbio's variant id.</summary>
    /// <param name="variantId">The variant id.</param>
    /// <param name="quantity">The quantity available to sell.</param>
    /// <returns>The level.</returns>
    public static InventoryLevel ByVariantId(long variantId, int quantity) => new(quantity, VariantId: variantId);
}
