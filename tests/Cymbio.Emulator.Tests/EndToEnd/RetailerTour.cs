using System.Linq;
using System.Threading.Tasks;
using Cymbio.Api;
using Cymbio.Api.Retailers;
using Cymbio.Api.Suppliers;
using Xunit;
using static Cymbio.Emulator.Tests.EndToEnd.EndpointTour;
using Seeded = Cymbio.Emulator.EmulatorData.Seeded;

namespace Cymbio.Emulator.Tests.EndToEnd;

/// <summary>
/// Every retailer endpoint (14 routes) through <see cref="CymbioRetailerClient"/>, each result checked: the profile
/// update is what the next order's shipping method is checked against, the new order is split per supplier and its
/// cancellation request reaches the suppliers' side, and the return of a seeded shipped order is listed.
/// </summary>
internal static class RetailerTour
{
    private const string ShippingMethod = "DHL_EXPRESS";
    private const string OrderId = "TOUR-ORDER-1";

    /// <summary>Runs the tour.</summary>
    /// <param name="retailer">The retailer client.</param>
    /// <param name="emulator">The emulator, to see the suppliers' side of what the retailer did.</param>
    /// <param name="publishedVariant">A variant the supplier published to retailer 12 before, to find in the catalogue; <see langword="null"/> when the supplier tour did not run.</param>
    public static async Task RunAsync(CymbioRetailerClient retailer, CymbioEmulator emulator, long? publishedVariant)
    {
        await ProfileAsync(retailer, emulator.Data);
        await CatalogAndInventoryAsync(retailer, emulator.Data, publishedVariant);
        await OrdersAsync(retailer, emulator.Data);
        await ReturnsAsync(retailer);
    }

    private static async Task ProfileAsync(CymbioRetailerClient retailer, EmulatorData data)
    {
        var created = await retailer.Profile.CreateAsync(new CreateRetailerRequest("Tour Store", "tour-store"));
        Assert.NotNull(created);
        Assert.Equal(("Tour Store", "tour-store"), (data.Retailer(created.Id)?.Name, data.Retailer(created.Id)?.Subdomain));

        Succeeded(await retailer.Profile.UpdateAsync(new RetailerUpdate(ShippingMethodCodes: ["UPS_GROUND", "FEDEX", ShippingMethod])), $"Retailer {EmulatorAccounts.RetailerId} updated");
        var profile = await retailer.Profile.GetAsync();
        Assert.Equal((EmulatorAccounts.RetailerId, "Emulator Retail Store"), (profile.Id, profile.Name));
        Assert.Equal(["UPS_GROUND", "FEDEX", ShippingMethod], profile.ShippingMethodCodes);

        var suppliers = await retailer.Profile.ListSuppliersAsync();
        Assert.Equal([EmulatorAccounts.SupplierId, Seeded.OtherSupplier], suppliers.Select(static s => s.Id).Order());
        var channel = Assert.Single(await retailer.Profile.ListChannelsAsync());
        Assert.Equal((601L, EmulatorAccounts.RetailerId), (channel.Id, channel.RetailerId));
    }

    private static async Task CatalogAndInventoryAsync(CymbioRetailerClient retailer, EmulatorData data, long? publishedVariant)
    {
        var products = await retailer.Catalog.ListProductsAsync();
        var tee = Assert.Single(products, static p => p.Model == "TEE-100");
        Assert.Equal([Seeded.Variant, 2002L], tee.Variants!.Order());
        var visible = products.SelectMany(static p => p.Variants ?? []).ToHashSet();
        Assert.Contains(Seeded.OtherSuppliersVariant, visible);
        Assert.DoesNotContain(Seeded.UnpublishedVariant, visible);
        if (publishedVariant is { } published)
        {
            Assert.Contains(published, visible);
        }

        // What the retailer can order is the sum over the supplier's warehouses, whatever the supplier tour stocked.
        var level = Assert.Single(await retailer.Inventory.ListAsync(new RetailerInventoryFilter { VariantId = Seeded.Variant }));
        var stocked = data.Variants(EmulatorAccounts.SupplierId).Single(static v => v.Id == Seeded.Variant).Inventory!.Sum(static l => l.Quantity);
        Assert.Equal((EmulatorAccounts.SupplierId, Seeded.VariantSku, stocked), (level.SupplierId, level.Sku, level.AvailableInventory));
    }

    private static async Task OrdersAsync(CymbioRetailerClient retailer, EmulatorData data)
    {
        // One line from each connected supplier, shipped by the method the profile update added.
        var order = await retailer.Orders.CreateAsync(new CreateOrderRequest
        {
            RetailerOrderId = OrderId,
            ShippingMethodCode = ShippingMethod,
            ShippingAddress = new Address { FirstName = "Ana", LastName = "Ruiz", Address1 = "2 Main St", City = "Austin", State = "TX", Zip = "78701", Country = "US" },
            OrderLines = [new OrderLine { VariantId = Seeded.Variant, Quantity = 2 }, new OrderLine { RetailerSku = "OTHER-1", Quantity = 1 }],
        });
        Assert.NotNull(order);
        Assert.Equal([EmulatorAccounts.SupplierId, Seeded.OtherSupplier], order.Fulfillments!.Select(static f => f.SupplierId!.Value).Order());

        var listed = await retailer.Orders.ListAsync(new OrderFilter { RetailerOrderId = OrderId });
        Assert.Equal(order.Id, Assert.Single(listed).Id);
        var read = await retailer.Orders.GetAsync(order.Id);
        Assert.Equal((OrderId, OrderStates.Ordered, ShippingMethod), (read.RetailerOrderId, read.State, read.ShippingMethodCode));
        Assert.Equal([$"{Seeded.Variant}:2", "2101:1"], read.OrderLines!.Select(static l => $"{l.VariantId}:{l.Quantity}"));

        Succeeded(
            await retailer.Orders.RequestCancellationAsync(order.Id, new CancelOrderRequest("customer changed their mind")),
            $"Cancellation of order {order.Id} requested from the supplier (2 fulfillment(s))");
        var fulfillments = await retailer.Orders.ListFulfillmentsAsync(order.Id);
        Assert.Equal(order.Fulfillments!.Select(static f => f.Id).Order(), fulfillments.Select(static f => f.Id).Order());
        Assert.All(fulfillments, static f => Assert.Equal(FulfillmentStates.Canceling, f.FulfillmentState));
        Assert.All(fulfillments, f => Assert.Equal(FulfillmentStates.Canceling, data.Fulfillment(f.Id)?.FulfillmentState));
    }

    private static async Task ReturnsAsync(CymbioRetailerClient retailer)
    {
        // The seeded shipped order 70077 (fulfillment 77): one of its two BBB222 back.
        Succeeded(
            await retailer.Orders.CreateReturnAsync(Seeded.ShippedOrder, new ReturnRequest([LineItem.BySku("BBB222", 1)], "too small", "RET-TOUR-R")),
            "created");
        var returns = await retailer.Orders.ListReturnsAsync(new RetailerReturnFilter { OrderId = Seeded.ShippedOrder });
        var created = Assert.Single(returns, static r => r.ReturnId == "RET-TOUR-R");
        Assert.Equal((EmulatorAccounts.SupplierId, "requested", "too small"), (created.SupplierId, created.State, created.Reason));
        var line = Assert.Single(created.ReturnLines!);
        Assert.Equal(("BBB222", 1), (line.Sku, line.Quantity));
    }
}
