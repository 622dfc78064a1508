using System.Text.Json.Serialization;

namespace Cymbio.Api;

/// <summary>
/// A quantity of one product, keyed by <c>sku</c>, <c>upc</c> or <c>ean</c> — Cymbio accepts any one of them
/// (shipments, rejections, returns, inventory).
/// </summary>
/// <param name="Quantity">The quantity.</param>
/// <param name="Sku">The SKU, or <see langword="null"/> when the item is keyed by UPC or EAN.</param>
/// <param name="Upc">The UPC, when the item is keyed by it.</param>
/// <param name="Ean">The EAN, when the item is keyed by it.</param>
public sealed record LineItem(
    [property: JsonPropertyName("quantity")] int Quantity,
    [property: JsonPropertyName("sku")] string? Sku = null,
    [property: JsonPropertyName("upc")] string? Upc = null,
    [property: JsonPropertyName("ean")] string? Ean = null)
{
    /// <summary>An item keyed by SKU.</summary>
    /// <param name="sku">The SKU.</param>
    /// <param name="quantity">The quantity.</param>
    /// <returns>The item.</returns>
    public static LineItem BySku(string sku, int quantity) => new(quantity, Sku: sku);

    /// <summary>An item keyed by UPC.</summary>
    /// <param name="upc">The UPC.</param>
    /// <param name="quantity">The quantity.</param>
    /// <returns>The item.</returns>
    public static LineItem ByUpc(string upc, int quantity) => new(quantity, Upc: upc);

    /// <summary>An item keyed by EAN.</summary>
    /// <param name="ean">The EAN.</param>
    /// <param name="quantity">The quantity.</param>
    /// <returns>The item.</returns>
    public static LineItem ByEan(string ean, int quantity) => new(quantity, Ean: ean);
}
