using System;
using System.Collections.Generic;
using System.Linq;
using Cymbio.Api;
using Cymbio.Api.Suppliers;

namespace Cymbio.Emulator;

/// <summary>Variants, their publication to retailers, warehouses and inventory (absolute quantities per warehouse and variant).</summary>
public sealed partial class EmulatorData
{
    private readonly SortedDictionary<long, Variant> _variants = new();
    private readonly HashSet<(long RetailerId, long VariantId)> _publications = new();
    private readonly SortedDictionary<long, WarehouseRecord> _warehouses = new();
    private readonly SortedDictionary<(long WarehouseId, long VariantId), StockRecord> _stock = new();

    /// <summary>Seeded catalogue ids.</summary>
    public static partial class Seeded
    {
        /// <summary>Supplier 88's main warehouse (1), where the seeded fulfillments ship from.</summary>
        public const long MainWarehouse = 1;

        /// <summary>Supplier 88's second warehouse (2).</summary>
        public const long EastWarehouse = 2;

        /// <summary>Supplier 99's warehouse (3), out of reach of supplier 88.</summary>
        public const long OtherSuppliersWarehouse = 3;

        /// <summary>Supplier 88's variant 2001 (sku 842956154969, model TEE-100), published to retailers 12 and 13, stocked in warehouses 1 and 2.</summary>
        public const long Variant = 2001;

        /// <summary>The sku of <see cref="Variant"/>.</summary>
        public const string VariantSku = "842956154969";

        /// <summary>Supplier 88's variant 2005 (sku 100100, model CAP-300), not published to any retailer.</summary>
        public const long UnpublishedVariant = 2005;

        /// <summary>Supplier 99's variant 2101 (sku OTHER-1), published to retailer 12.</summary>
        public const long OtherSuppliersVariant = 2101;
    }

    /// <summary>A supplier's variants.</summary>
    /// <param name="supplierId">The supplier.</param>
    /// <returns>A snapshot, with each variant's inventory.</returns>
    public IReadOnlyList<Variant> Variants(long supplierId)
    {
        lock (_gate)
        {
            return _variants.Values.Where(v => v.SupplierId == supplierId).Select(WithInventory).ToArray();
        }
    }

    internal SortedDictionary<long, Variant> VariantRecords => _variants;

    internal HashSet<(long RetailerId, long VariantId)> Publications => _publications;

    internal SortedDictionary<long, WarehouseRecord> WarehouseRecords => _warehouses;

    internal SortedDictionary<(long WarehouseId, long VariantId), StockRecord> Stock => _stock;

    internal WarehouseRecord? FindWarehouse(long supplierId, long warehouseId) =>
        _warehouses.TryGetValue(warehouseId, out var record) && record.SupplierId == supplierId ? record : null;

    internal Variant? FindVariant(long supplierId, long variantId) =>
        _variants.TryGetValue(variantId, out var variant) && variant.SupplierId == supplierId ? variant : null;

    /// <summary>Whether the retailer sees the variant: its supplier is connected to the retailer and published it there.</summary>
    internal bool IsVisibleTo(long retailerId, Variant variant) =>
        variant.SupplierId is { } supplier && IsConnected(supplier, retailerId) && _publications.Contains((retailerId, variant.Id));

    /// <summary>The variant with its inventory per warehouse.</summary>
    internal Variant WithInventory(Variant variant) => variant with { Inventory = Levels(variant).ToArray() };

    /// <summary>The inventory rows of a variant, by warehouse.</summary>
    internal IEnumerable<InventoryLevel> Levels(Variant variant) =>
        _stock.Where(s => s.Key.VariantId == variant.Id).Select(s => Level(variant, s.Key.WarehouseId, s.Value));

    /// <summary>The quantity the retailers can order: the sum over the supplier's active warehouses.</summary>
    internal int Available(Variant variant) =>
        _stock.Where(s => s.Key.VariantId == variant.Id && _warehouses.TryGetValue(s.Key.WarehouseId, out var w) && w.Value.IsActive != false).Sum(static s => s.Value.Quantity);

    internal static InventoryLevel Level(Variant variant, long warehouseId, StockRecord stock) =>
        new(stock.Quantity, variant.Sku, variant.Upc, variant.Ean, variant.Id) { WarehouseId = warehouseId, UpdatedAt = stock.UpdatedAt };

    private void SeedCatalog(DateTimeOffset created)
    {
        var supplier = EmulatorAccounts.SupplierId;
        _warehouses[Seeded.MainWarehouse] = new WarehouseRecord(supplier, new Warehouse
        {
            Id = Seeded.MainWarehouse, Name = "Main warehouse", Code = "MAIN", IdInSource = "WH-MAIN", IsActive = true,
            Address = new Address { Address1 = "100 Harbor Way", City = "Oakland", State = "CA", Zip = "94607", Country = "US" },
        });
        _warehouses[Seeded.EastWarehouse] = new WarehouseRecord(supplier, new Warehouse
        {
            Id = Seeded.EastWarehouse, Name = "East coast", Code = "EAST", IdInSource = "WH-EAST", IsActive = true,
            Address = new Address { Address1 = "5 Dock St", City = "Newark", State = "NJ", Zip = "07102", Country = "US" },
        });
        _warehouses[Seeded.OtherSuppliersWarehouse] = new WarehouseRecord(Seeded.OtherSupplier, new Warehouse
        {
            Id = Seeded.OtherSuppliersWarehouse, Name = "Other brand warehouse", Code = "MAIN", IsActive = true,
            Address = new Address { Address1 = "9 Mill Rd", City = "Portland", State = "OR", Zip = "97201", Country = "US" },
        });

        SeedVariant(supplier, Seeded.Variant, Seeded.VariantSku, "TEE-100", "Organic Tee", 35m, 17.5m, created, ("color", "Black"), ("size", "S"));
        SeedVariant(supplier, 2002, "842956137665", "TEE-100", "Organic Tee", 35m, 17.5m, created, ("color", "Black"), ("size", "M"));
        SeedVariant(supplier, 2003, "AAA222", "JEANS-200", "Slim Jeans", 88m, 44m, created, ("size", "30"));
        SeedVariant(supplier, 2004, "BBB222", "JEANS-200", "Slim Jeans", 92m, 46m, created, ("size", "32"));
        SeedVariant(supplier, Seeded.UnpublishedVariant, "100100", "CAP-300", "Canvas Cap", 24m, 12m, created, ("color", "Sand"));
        SeedVariant(Seeded.OtherSupplier, Seeded.OtherSuppliersVariant, "OTHER-1", "SCARF-1", "Wool Scarf", 40m, 20m, created, ("color", "Grey"));

        foreach (var variant in new long[] { Seeded.Variant, 2002, 2003, 2004, Seeded.OtherSuppliersVariant })
        {
            _publications.Add((EmulatorAccounts.RetailerId, variant));
        }

        _publications.Add((Seeded.OtherRetailer, Seeded.Variant));
        foreach (var (warehouse, variant, quantity) in new[] { (1L, 2001L, 10), (2L, 2001L, 5), (1L, 2002L, 7), (1L, 2003L, 4), (1L, 2004L, 0), (1L, 2005L, 12), (3L, 2101L, 3) })
        {
            _stock[(warehouse, variant)] = new StockRecord(quantity, created);
        }
    }

    private void SeedVariant(long supplierId, long id, string sku, string model, string title, decimal retail, decimal wholesale, DateTimeOffset created, params (string Type, string Value)[] options)
    {
        _variants[id] = new Variant
        {
            Id = id, SupplierId = supplierId, Sku = sku, Model = model, Title = title, RetailPrice = retail, WholesalePrice = wholesale,
            Description = $"{title} by {_suppliers[supplierId].Name}.", Upc = sku.All(char.IsAsciiDigit) ? sku : null, Weight = 0.4m,
            Images = [$"https://emulator.cymbio.test/images/{model.ToLowerInvariant()}.jpg"],
            Options = options.Select(static o => new VariantOption(o.Type, o.Value)).ToArray(),
            Properties = [new VariantProperty("material", "cotton")],
            CreatedAt = created, UpdatedAt = created,
        };
    }

    /// <summary>A stored warehouse with the supplier it belongs to.</summary>
    internal sealed record WarehouseRecord(long SupplierId, Warehouse Value);

    /// <summary>The absolute quantity of one variant in one warehouse, and when it was last set.</summary>
    internal sealed record StockRecord(int Quantity, DateTimeOffset UpdatedAt);
}
