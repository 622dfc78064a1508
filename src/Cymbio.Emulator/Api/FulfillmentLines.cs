using System.Collections.Generic;
using System.Linq;
using Cymbio.Api;
using Cymbio.Api.Suppliers;
using Record = Cymbio.Emulator.EmulatorData.FulfillmentRecord;

namespace Cymbio.Emulator;

/// <summary>
/// The line bookkeeping of a fulfillment: which line an item (by sku, upc or ean) names, and how much of each line has
/// been shipped or rejected, never more than the line's quantity.
/// </summary>
internal static class FulfillmentLines
{
    /// <summary>The state of a fulfillment whose every line was rejected by <c>POST …/fulfillments/rejections</c> (not documented; inferred).</summary>
    public const string Rejected = "rejected";

    /// <summary>
    /// Adds the items' quantities to <paramref name="counts"/> (shipped or rejected); an unknown item, or more than the
    /// line has beside <paramref name="other"/> (rejected or shipped), is 400.
    /// </summary>
    public static Dictionary<int, int> Add(Record record, IReadOnlyDictionary<int, int> counts, IReadOnlyDictionary<int, int> other, IEnumerable<LineItem> items)
    {
        var result = new Dictionary<int, int>(counts);
        foreach (var item in items)
        {
            var index = Index(record.Value, item, positive: true);
            result[index] = result.GetValueOrDefault(index) + item.Quantity;
            Check(record, result, other, index, item);
        }

        return result;
    }

    /// <summary>Sets the quantities of the lines the items name (a snapshot); lines not named keep theirs.</summary>
    public static Dictionary<int, int> Set(Record record, IReadOnlyDictionary<int, int> counts, IEnumerable<LineItem> items)
    {
        var result = new Dictionary<int, int>(counts);
        foreach (var group in items.GroupBy(item => Index(record.Value, item, positive: false)))
        {
            result[group.Key] = group.Sum(static i => i.Quantity);
            Check(record, result, record.Shipped, group.Key, group.First());
        }

        return result;
    }

    /// <summary>
    /// The state once the counts are stored: <c>rejected</c> when every line was rejected in full, <c>shipped</c> when
    /// every line was shipped or rejected and something shipped, otherwise <paramref name="otherwise"/>.
    /// </summary>
    public static string? StateWhenHandled(Record record, string? otherwise)
    {
        var lines = record.Value.FulfillmentLines ?? [];
        if (lines.Count == 0)
        {
            return otherwise;
        }

        var all = Enumerable.Range(0, lines.Count);
        if (all.All(i => record.Rejected.GetValueOrDefault(i) >= lines[i].Quantity))
        {
            return Rejected;
        }

        return all.All(i => record.Shipped.GetValueOrDefault(i) + record.Rejected.GetValueOrDefault(i) >= lines[i].Quantity)
            ? FulfillmentStates.Shipped
            : otherwise;
    }

    /// <summary>The index of the line an item names; an item naming no line is 400.</summary>
    public static int Index(Fulfillment fulfillment, LineItem item, bool positive = true)
    {
        if (positive ? item.Quantity <= 0 : item.Quantity < 0)
        {
            throw EmulatorRequestException.BadRequest(positive ? "Item quantities must be positive." : "Item quantities cannot be negative.");
        }

        var lines = fulfillment.FulfillmentLines ?? [];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if ((item.Sku is not null && item.Sku == line.Sku) || (item.Upc is not null && item.Upc == line.Upc) || (item.Ean is not null && item.Ean == line.Ean))
            {
                return i;
            }
        }

        throw EmulatorRequestException.BadRequest(item.Sku is null && item.Upc is null && item.Ean is null
            ? "Each item needs a sku, upc or ean."
            : $"Fulfillment {fulfillment.Id} has no line {Describe(item)}.");
    }

    private static void Check(Record record, IReadOnlyDictionary<int, int> counts, IReadOnlyDictionary<int, int> other, int index, LineItem item)
    {
        var quantity = record.Value.FulfillmentLines![index].Quantity;
        if (counts.GetValueOrDefault(index) + other.GetValueOrDefault(index) > quantity)
        {
            throw EmulatorRequestException.BadRequest($"Fulfillment {record.Value.Id} has {quantity} of {Describe(item)}; that many cannot be shipped and rejected.");
        }
    }

    private static string Describe(LineItem item) =>
        item.Sku is not null ? $"sku {EmulatorText.Printable(item.Sku)}" : item.Upc is not null ? $"upc {EmulatorText.Printable(item.Upc)}" : $"ean {EmulatorText.Printable(item.Ean)}";
}
