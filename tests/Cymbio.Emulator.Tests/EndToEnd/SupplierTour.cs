using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Cymbio.Api;
using Cymbio.Api.Suppliers;
using Xunit;
using static Cymbio.Emulator.Tests.EndToEnd.EndpointTour;
using Seeded = Cymbio.Emulator.EmulatorData.Seeded;

namespace Cymbio.Emulator.Tests.EndToEnd;

/// <summary>
/// Every supplier endpoint (36 routes) through <see cref="CymbioSupplierClient"/>, each result checked against what the
/// call should have done. Fulfillment flows use separate seeded fulfillments, so each move is one the emulator's
/// state machine allows: new → accepted → shipped (929), shipped by line (3832), every line rejected (120), rejected
/// whole (1001–1003), cancellation approved (56), refused and then approved in the body form (9), returned (77).
/// </summary>
internal static class SupplierTour
{
    private const string TourSku = "TOUR-TEE-L";

    /// <summary>Runs the tour.</summary>
    /// <returns>The id of the variant it created and published to retailer 12.</returns>
    public static async Task<long> RunAsync(CymbioSupplierClient supplier, CymbioEmulator emulator)
    {
        await ProfileAndChannelsAsync(supplier, emulator.Data);
        var variant = await CatalogAsync(supplier, emulator.Data);
        await WarehousesAndInventoryAsync(supplier, variant);
        await FulfillmentsAsync(supplier, emulator.Data);
        await CancellationsAsync(supplier, emulator.Data);
        await ReturnsAsync(supplier, emulator.Data);
        return variant;
    }

    private static async Task ProfileAndChannelsAsync(CymbioSupplierClient supplier, EmulatorData data)
    {
        var channels = await supplier.Channels.ListAsync();
        Assert.Equal([1L, 2L, 3L], channels.Select(static c => c.Id).Order());
        var connected = await supplier.Channels.ListSupplierChannelsAsync();
        Assert.Equal([501L, 502L], connected.Select(static c => c.Id).Order());
        var retailers = await supplier.Profile.ListRetailersAsync();
        Assert.Equal([EmulatorAccounts.RetailerId, Seeded.OtherRetailer], retailers.Select(static r => r.RetailerId).Order());

        var created = await supplier.Profile.CreateAsync(new SupplierRequest("Tour Brand", "tour-brand"));
        Assert.Equal(("Tour Brand", "tour-brand"), (data.Supplier(created.Id)?.Name, data.Supplier(created.Id)?.Subdomain));
        Succeeded(await supplier.Profile.UpdateAsync(new SupplierRequest(Name: "Emulator Brand (tour)")), $"Supplier {EmulatorAccounts.SupplierId} updated");
        var profile = await supplier.Profile.GetAsync();
        Assert.Equal((EmulatorAccounts.SupplierId, "Emulator Brand (tour)", "emulator-brand"), (profile.Id, profile.Name, profile.Subdomain));
    }

    private static async Task<long> CatalogAsync(CymbioSupplierClient supplier, EmulatorData data)
    {
        var seeded = await supplier.Catalog.ListVariantsAsync();
        Assert.Superset(new HashSet<long> { Seeded.Variant, 2002, 2003, 2004, Seeded.UnpublishedVariant }, seeded.Select(static v => v.Id).ToHashSet());

        var variant = await supplier.Catalog.CreateVariantAsync(new VariantRequest
        {
            Sku = TourSku, Model = "TOUR-TEE", Title = "Tour Tee", RetailPrice = 30m, WholesalePrice = 15m,
            Images = ["https://images.example.test/tour-tee.jpg"], Options = [VariantOption.Size("L")],
        });
        Assert.Equal((EmulatorAccounts.SupplierId, TourSku, 30m), (variant.SupplierId, variant.Sku, variant.RetailPrice));
        Succeeded(await supplier.Catalog.UpdateVariantAsync(variant.Id, new VariantRequest { Title = "Tour Tee, organic" }), $"Variant {variant.Id} updated");
        Succeeded(await supplier.Catalog.UpdateVariantsAsync([new VariantRequest { Sku = Seeded.VariantSku, RetailPrice = 39m }]), "1 variant(s) updated");
        Succeeded(await supplier.Catalog.PublishToRetailerAsync(EmulatorAccounts.RetailerId, VariantPublication.Publish(variant.Id)), "1 variant(s) published to retailer 12");
        Succeeded(
            await supplier.Catalog.ImportProductsAsync(new ProductImportRequest(
                "https://files.example.test/products.csv",
                [new ImportSchemaField("SKU", ImportDestinationFields.Sku), new ImportSchemaField("Name", ImportDestinationFields.Title, ImportStringTransformers.Capitalize)])),
            "Import of 2 field(s) from files.example.test queued");

        var read = await supplier.Catalog.GetVariantAsync(variant.Id);
        Assert.Equal((variant.Id, "Tour Tee, organic", 30m), (read.Id, read.Title, read.RetailPrice));
        Assert.Equal(39m, data.Variants(EmulatorAccounts.SupplierId).Single(static v => v.Id == Seeded.Variant).RetailPrice);
        return variant.Id;
    }

    private static async Task WarehousesAndInventoryAsync(CymbioSupplierClient supplier, long variant)
    {
        var warehouses = await supplier.Warehouses.ListAsync();
        Assert.Equal([Seeded.MainWarehouse, Seeded.EastWarehouse], warehouses.Select(static w => w.Id).Order());

        var address = new Address { Address1 = "7 Tour Ave", City = "Reno", State = "NV", Zip = "89501", Country = "US" };
        var warehouse = await supplier.Warehouses.CreateAsync(new WarehouseRequest("Tour warehouse", "TOUR", address, IsActive: true));
        Assert.Equal(("Tour warehouse", "TOUR", true), (warehouse.Name, warehouse.Code, warehouse.IsActive));
        Succeeded(await supplier.Warehouses.UpdateAsync(warehouse.Id, new WarehouseRequest(Name: "Tour warehouse (west)")), $"Warehouse {warehouse.Id} updated");
        var read = await supplier.Warehouses.GetAsync(warehouse.Id);
        Assert.Equal(("Tour warehouse (west)", "TOUR", "Reno"), (read.Name, read.Code, read.Address?.City));

        Succeeded(
            await supplier.Inventory.SetLevelsAsync(warehouse.Id, [InventoryLevel.BySku(Seeded.VariantSku, 8), InventoryLevel.ByVariantId(variant, 3)]),
            $"2 inventory row(s) set for warehouse {warehouse.Id}");
        var stocked = await supplier.Inventory.ListByWarehouseAsync(warehouse.Id);
        Assert.Equal([$"{Seeded.Variant}:8", $"{variant}:3"], stocked.OrderBy(static l => l.VariantId).Select(static l => $"{l.VariantId}:{l.Quantity}"));
        var tee = await supplier.Inventory.ListAsync(new InventoryFilter { VariantId = Seeded.Variant });
        Assert.Equal(
            [$"{Seeded.MainWarehouse}:10", $"{Seeded.EastWarehouse}:5", $"{warehouse.Id}:8"],
            tee.OrderBy(static l => l.WarehouseId).Select(static l => $"{l.WarehouseId}:{l.Quantity}"));
    }

    private static async Task FulfillmentsAsync(CymbioSupplierClient supplier, EmulatorData data)
    {
        var fresh = await supplier.Fulfillments.ListAsync(new FulfillmentFilter { FulfillmentState = FulfillmentStates.New });
        Assert.Superset(Seeded.NewFulfillments.Append(Seeded.Rejectable).ToHashSet(), fresh.Select(static f => f.Id).ToHashSet());
        Assert.All(fresh, static f => Assert.Equal(FulfillmentStates.New, f.FulfillmentState));

        // 929: an invoice attached, accepted, shipped with one tracking number.
        Succeeded(await supplier.Fulfillments.UpdateAsync(929, new FulfillmentUpdate("INV-929")), "Fulfillment 929 updated");
        Succeeded(await supplier.Fulfillments.AcceptAsync(929, new AcceptFulfillmentRequest()), "Fulfillment 929 accepted");
        Succeeded(await supplier.Fulfillments.ShipAsync(929, new ShipFulfillmentRequest("1ZTOUR0929")), "Fulfillment 929 shipped");
        var shipped = await supplier.Fulfillments.GetAsync(929);
        Assert.Equal((FulfillmentStates.Shipped, "1ZTOUR0929", "INV-929"), (shipped.FulfillmentState, shipped.TrackingNumber, shipped.InvoiceId));

        // 3832 (accepted, two lines): one shipment per line, which ships it.
        Succeeded(
            await supplier.Fulfillments.CreateShipmentsAsync(new ShipmentsRequest(Seeded.AcceptedWithTwoLines, [
                new Shipment("1ZTOUR3832A", [LineItem.BySku("842956154969", 1)]),
                new Shipment("1ZTOUR3832B", [LineItem.BySku("842956137665", 1)]),
            ])),
            "2 shipment(s) recorded for fulfillment 3832");

        // 120 (new): both lines rejected by upc, which rejects it; 1001–1003 rejected whole, one reason each.
        Succeeded(
            await supplier.Fulfillments.RejectLinesAsync([new Rejection(Seeded.Rejectable, [LineItem.ByUpc("100100", 1), LineItem.ByUpc("200200", 1)], "TOUR-REJECT-120")]),
            "1 rejection(s) recorded.");
        Succeeded(await supplier.Fulfillments.RejectOutOfStockAsync(1001), "Fulfillment 1001 rejected: out_of_stock");
        Succeeded(await supplier.Fulfillments.RejectMissingSkuAsync(1002), "Fulfillment 1002 rejected: missing_sku");
        Succeeded(await supplier.Fulfillments.RejectWrongAddressAsync(1003), "Fulfillment 1003 rejected: wrong_address");

        Assert.Equal((FulfillmentStates.Shipped, "1ZTOUR3832B"), (data.Fulfillment(Seeded.AcceptedWithTwoLines)?.FulfillmentState, data.Fulfillment(Seeded.AcceptedWithTwoLines)?.TrackingNumber));
        Assert.Equal(
            ["rejected", FulfillmentStatuses.OutOfStock, FulfillmentStatuses.MissingSku, FulfillmentStatuses.WrongAddress],
            new[] { Seeded.Rejectable, 1001, 1002, 1003 }.Select(id => data.Fulfillment(id)?.FulfillmentState));
    }

    private static async Task CancellationsAsync(CymbioSupplierClient supplier, EmulatorData data)
    {
        // 56 (cancellation requested): approved through the extension, which answers from the path form
        // (PUT …/setStatus/canceled) and so never needs its body-form fallback.
        Succeeded(await supplier.Fulfillments.ApproveCancellationAsync(Seeded.CancellationRequested), "Fulfillment 56 canceled");
        Assert.Equal(FulfillmentStates.Canceled, (await supplier.Fulfillments.GetAsync(Seeded.CancellationRequested)).FulfillmentState);

        // 9 (accepted): the retailer asks to cancel, the supplier refuses (back to accepted); asked again, the supplier
        // approves in the body form Cymbio's guide shows (PUT …/setStatus with {"status":"canceled"}).
        data.RequestCancellation(Seeded.Accepted);
        Succeeded(await supplier.Fulfillments.RefuseCancellationAsync(Seeded.Accepted), "Cancellation of fulfillment 9 refused");
        Assert.Equal(FulfillmentStates.Accepted, data.Fulfillment(Seeded.Accepted)?.FulfillmentState);
        data.RequestCancellation(Seeded.Accepted);
        Succeeded(await supplier.Fulfillments.SetStatusAsync(Seeded.Accepted, new FulfillmentStatusRequest(FulfillmentStatuses.Canceled)), "Fulfillment 9 canceled");
        Assert.Equal(FulfillmentStates.Canceled, data.Fulfillment(Seeded.Accepted)?.FulfillmentState);
    }

    private static async Task ReturnsAsync(CymbioSupplierClient supplier, EmulatorData data)
    {
        // 77 (shipped): a return of two of its five AAA222, then refunded.
        Succeeded(await supplier.Fulfillments.CreateReturnAsync(Seeded.Shipped, new ReturnRequest([LineItem.BySku("AAA222", 2)], "damaged", "RET-TOUR-S")), "created");
        var returns = await supplier.Fulfillments.ListReturnsAsync(new ReturnFilter { FulfillmentId = Seeded.Shipped });
        var created = Assert.Single(returns, static r => r.ReturnId == "RET-TOUR-S");
        Assert.Equal(("requested", "damaged", EmulatorAccounts.RetailerId), (created.State, created.Reason, created.RetailerId));
        var line = Assert.Single(created.ReturnLines!);
        Assert.Equal(("AAA222", 2), (line.Sku, line.Quantity));

        Succeeded(await supplier.Fulfillments.SetReturnStatusAsync(created.Id, ReturnStatuses.Refunded, new RefundRequest(44m)), $"Return {created.Id} refunded");
        var refunded = data.Returns(EmulatorAccounts.SupplierId).Single(r => r.Id == created.Id);
        Assert.Equal((ReturnStatuses.Refunded, 44m), (refunded.State, refunded.RefundAmount));
    }
}
