using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Cymbio.Api;
using Cymbio.Api.Retailers;
using Cymbio.Api.Suppliers;

namespace Cymbio.Emulator;

/// <summary>
/// Inventory (docs/cymbio-api.md I-12…I-14, I-26): the supplier reads quantities per variant and warehouse and pushes
/// absolute quantities (available to sell, not deltas) for one warehouse, keyed by sku, upc, ean or variant_id; the
/// retailer reads what it can order of its connected suppliers' published variants (the sum over active warehouses).
/// A push is applied whole or not at all.
/// </summary>
internal static class InventoryRoutes
{
    private const string WarehouseInventory = "/v3/suppliers/{supplierId}/warehouses/{warehouseId}/inventory";

    public static void Register(Dictionary<string, RouteHandler> handlers)
    {
        handlers.Add("GET", "/v3/suppliers/{supplierId}/inventory", ListAsync);
        handlers.Add("GET", WarehouseInventory, ListByWarehouseAsync);
        handlers.Add("PUT", WarehouseInventory, SetLevelsAsync);
        handlers.Add("GET", "/v3/retailers/{retailerId}/inventory", ListRetailerAsync);
    }

    private static Task ListAsync(EmulatorCall call)
    {
        var supplier = call.Id("supplierId");
        var filter = call.Filter();
        var levels = call.Data.Locked(() => Levels(call.Data, supplier, warehouse: null).Where(l => Matches(l, filter)).ToArray());
        return call.OkProjectedAsync(call.Page(levels), CymbioApiJsonContext.Default.IReadOnlyListInventoryLevel);
    }

    private static Task ListByWarehouseAsync(EmulatorCall call)
    {
        var supplier = call.Id("supplierId");
        var warehouse = call.Id("warehouseId");
        var filter = call.Filter();
        var levels = call.Data.Locked(() =>
        {
            _ = call.Data.FindWarehouse(supplier, warehouse) ?? throw EmulatorRequestException.NotFound($"Supplier {supplier} has no warehouse {warehouse}.");
            return Levels(call.Data, supplier, warehouse).Where(l => Matches(l, filter)).ToArray();
        });
        return call.OkProjectedAsync(call.Page(levels), CymbioApiJsonContext.Default.IReadOnlyListInventoryLevel);
    }

    private static async Task SetLevelsAsync(EmulatorCall call)
    {
        var levels = await call.BodyAsync(CymbioApiJsonContext.Default.InventoryLevelArray).ConfigureAwait(false);
        RouteChecks.NotEmpty(levels, "inventory");
        foreach (var level in levels)
        {
            if (level is null || (level.Sku is null && level.Upc is null && level.Ean is null && level.VariantId is null))
            {
                throw EmulatorRequestException.BadRequest("Each inventory row needs a sku, upc, ean or variant_id.");
            }

            if (level.Quantity < 0)
            {
                throw EmulatorRequestException.BadRequest($"The quantity of {Describe(level)} must not be negative (quantities are absolute).");
            }
        }

        var supplier = call.Id("supplierId");
        var warehouse = call.Id("warehouseId");
        call.Data.Locked(() =>
        {
            _ = call.Data.FindWarehouse(supplier, warehouse) ?? throw EmulatorRequestException.NotFound($"Supplier {supplier} has no warehouse {warehouse}.");
            var targets = levels.Select(level => (Variant: Resolve(call.Data, supplier, level), level.Quantity)).ToArray();
            foreach (var (variant, quantity) in targets)
            {
                call.Data.Stock[(warehouse, variant.Id)] = new EmulatorData.StockRecord(quantity, call.Now);
            }

            return 0;
        });
        await call.SuccessAsync($"{levels.Length} inventory row(s) set for warehouse {warehouse}.").ConfigureAwait(false);
    }

    private static Task ListRetailerAsync(EmulatorCall call)
    {
        var retailer = call.Id("retailerId");
        var filter = call.Filter();
        var levels = call.Data.Locked(() => call.Data.VariantRecords.Values
            .Where(v => call.Data.IsVisibleTo(retailer, v))
            .Select(v => new RetailerInventoryLevel
            {
                VariantId = v.Id,
                Sku = v.Sku,
                Upc = v.Upc,
                SupplierId = v.SupplierId,
                AvailableInventory = call.Data.Available(v),
                UpdatedAt = call.Data.Stock.Where(s => s.Key.VariantId == v.Id).Select(static s => (System.DateTimeOffset?)s.Value.UpdatedAt).Max() ?? v.UpdatedAt,
            })
            .Where(l => FilterMatch.All(filter, key => key switch
            {
                "supplier_id" => FilterMatch.Number(l.SupplierId),
                "variant_id" => FilterMatch.Number(l.VariantId),
                "sku" => FilterMatch.Text(l.Sku),
                _ => null,
            }))
            .ToArray());
        return call.OkProjectedAsync(call.Page(levels), CymbioApiJsonContext.Default.IReadOnlyListRetailerInventoryLevel);
    }

    private static IEnumerable<InventoryLevel> Levels(EmulatorData data, long supplier, long? warehouse) =>
        data.Stock
            .Where(s => (warehouse is null || s.Key.WarehouseId == warehouse) && data.FindWarehouse(supplier, s.Key.WarehouseId) is not null)
            .Select(s => data.VariantRecords.TryGetValue(s.Key.VariantId, out var v) && v.SupplierId == supplier ? EmulatorData.Level(v, s.Key.WarehouseId, s.Value) : null)
            .OfType<InventoryLevel>();

    /// <summary>The supplier's variant a row names; the keys given must all name the same variant.</summary>
    private static Variant Resolve(EmulatorData data, long supplier, InventoryLevel level)
    {
        var matches = data.VariantRecords.Values.Where(v => v.SupplierId == supplier
            && (level.VariantId is null || v.Id == level.VariantId)
            && (level.Sku is null || v.Sku == level.Sku)
            && (level.Upc is null || v.Upc == level.Upc)
            && (level.Ean is null || v.Ean == level.Ean)).Take(2).ToArray();
        return matches.Length switch
        {
            1 => matches[0],
            0 => throw EmulatorRequestException.BadRequest($"Supplier {supplier} has no variant {Describe(level)}."),
            _ => throw EmulatorRequestException.BadRequest($"{Describe(level)} names more than one variant of supplier {supplier}; add the sku or variant_id."),
        };
    }

    private static bool Matches(InventoryLevel level, JsonElement filter) =>
        FilterMatch.All(filter, key => key switch
        {
            "warehouse_id" => FilterMatch.Number(level.WarehouseId),
            "variant_id" => FilterMatch.Number(level.VariantId),
            "sku" => FilterMatch.Text(level.Sku),
            "upc" => FilterMatch.Text(level.Upc),
            _ => null,
        });

    private static string Describe(InventoryLevel level) => RouteChecks.Describe(level.Sku, level.Upc, level.Ean, level.VariantId);
}
