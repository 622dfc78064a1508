using System;
using System.Collections.Generic;
using System.Linq;
using Cymbio.Api.Suppliers;

namespace Cymbio.Demo;

/// <summary>
/// Which inventory levels the demo pushes: a restock of the warehouse's first levels (their quantity plus
/// <see cref="Restock"/>, keyed as Cymbio keyed them), or, for an empty warehouse, of the SKUs just shipped.
/// </summary>
internal static class InventoryPlan
{
    /// <summary>The quantity added to each level.</summary>
    public const int Restock = 10;

    /// <summary>The levels to push.</summary>
    /// <param name="current">The warehouse's levels.</param>
    /// <param name="shipped">The fulfillments just shipped.</param>
    /// <param name="max">At most this many levels.</param>
    /// <returns>The levels, absolute quantities.</returns>
    public static InventoryLevel[] Next(IReadOnlyList<InventoryLevel> current, IReadOnlyList<Fulfillment> shipped, int max)
    {
        if (current.Count > 0)
        {
            return current.Where(static l => Key(l) is not null).Take(max)
                .Select(static l => KeyedLike(l, Math.Max(0, l.Quantity) + Restock))
                .ToArray();
        }

        return shipped.SelectMany(static f => f.FulfillmentLines ?? [])
            .Select(static line => line.Sku)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Take(max)
            .Select(static sku => InventoryLevel.BySku(sku, Restock))
            .ToArray();
    }

    /// <summary>A level with <paramref name="quantity"/>, keyed by the first key <paramref name="level"/> has (a pushed level names one item one way).</summary>
    /// <param name="level">The level read.</param>
    /// <param name="quantity">The quantity to push.</param>
    /// <returns>The level to push.</returns>
    public static InventoryLevel KeyedLike(InventoryLevel level, int quantity) =>
        level.Sku is not null ? InventoryLevel.BySku(level.Sku, quantity)
        : level.Upc is not null ? InventoryLevel.ByUpc(level.Upc, quantity)
        : level.Ean is not null ? InventoryLevel.ByEan(level.Ean, quantity)
        : InventoryLevel.ByVariantId(level.VariantId!.Value, quantity);

    /// <summary>Whether two levels are of the same item (same SKU, UPC, EAN or variant id, in that order of preference).</summary>
    /// <param name="a">A level.</param>
    /// <param name="b">Another level.</param>
    /// <returns><see langword="true"/> when they share the key <paramref name="b"/> is keyed by.</returns>
    public static bool SameItem(InventoryLevel a, InventoryLevel b) =>
        b.Sku is not null ? string.Equals(a.Sku, b.Sku, StringComparison.Ordinal)
        : b.Upc is not null ? string.Equals(a.Upc, b.Upc, StringComparison.Ordinal)
        : b.Ean is not null ? string.Equals(a.Ean, b.Ean, StringComparison.Ordinal)
        : b.VariantId is not null && a.VariantId == b.VariantId;

    /// <summary>The key a level is shown by: its SKU, UPC, EAN or variant id.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The key, or <see langword="null"/> when the level has none.</returns>
    public static string? Key(InventoryLevel level) =>
        level.Sku ?? level.Upc ?? level.Ean ?? (level.VariantId is { } v ? $"variant {v}" : null);
}
