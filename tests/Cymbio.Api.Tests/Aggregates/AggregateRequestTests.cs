using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Cymbio.Api.Retailers;
using Cymbio.Api.Suppliers;
using Cymbio.Api.Tests.Infrastructure;
using Cymbio.Api.Tests.Retailers;
using Cymbio.Api.Tests.Suppliers;
using Xunit;

namespace Cymbio.Api.Tests.Aggregates;

/// <summary>
/// Every request case of the interfaces' tests, made through <c>cymbio.Supplier</c> and <c>cymbio.Retailer</c>
/// instead: the same method, path, query and JSON body go out, with the account id the options configure (supplier 88,
/// retailer 7) and the fixed <c>{}</c> body the wrappers send for the caller.
/// </summary>
public sealed class AggregateRequestTests
{
    private static readonly IReadOnlyDictionary<string, ExpectedRequest> InterfaceCases = ExpectedRequest.Merge(
        ExpectedRequest.Of(SupplierFulfillmentsRequestTests.Cases),
        ExpectedRequest.Of(SupplierCatalogRequestTests.Cases),
        ExpectedRequest.Of(SupplierProfileRequestTests.ProfileCases),
        ExpectedRequest.Of(SupplierProfileRequestTests.ChannelCases),
        ExpectedRequest.Of(SupplierWarehousesRequestTests.WarehouseCases),
        ExpectedRequest.Of(SupplierWarehousesRequestTests.InventoryCases),
        ExpectedRequest.Of(RetailerRequestTests.Cases));

    private static readonly Dictionary<string, Func<CymbioSupplierClient, Task>> SupplierCases = new()
    {
        ["C-1 list"] = s => s.Fulfillments.ListAsync(),
        ["C-1 new orders, projected, paged"] = s => s.Fulfillments.ListAsync(new FulfillmentFilter { RetailerState = RetailerStates.Ordered, FulfillmentState = FulfillmentStates.New }, ["id", "fulfillment_state"], 50, 100),
        ["C-1 cancellation requests"] = s => s.Fulfillments.ListAsync(new FulfillmentFilter { FulfillmentState = FulfillmentStates.Cancelling }),
        ["C-2 get"] = s => s.Fulfillments.GetAsync(929),
        ["C-3 update"] = s => s.Fulfillments.UpdateAsync(929, new FulfillmentUpdate("12345")),
        ["C-4 accept"] = s => s.Fulfillments.AcceptAsync(929, new AcceptFulfillmentRequest()),
        ["C-4 accept with tracking"] = s => s.Fulfillments.AcceptAsync(929, new AcceptFulfillmentRequest("string")),
        ["C-5 ship"] = s => s.Fulfillments.ShipAsync(929, new ShipFulfillmentRequest("1Z3321233243242344")),
        ["C-6 cancel, path form"] = s => s.Fulfillments.CancelAsync(929),
        ["C-6 cancel, body form"] = s => s.Fulfillments.SetStatusAsync(929, new FulfillmentStatusRequest(FulfillmentStatuses.Canceled)),
        ["C-7 refuse cancellation"] = s => s.Fulfillments.RefuseCancellationAsync(929),
        ["C-8 out of stock"] = s => s.Fulfillments.RejectOutOfStockAsync(929),
        ["C-9 missing SKU"] = s => s.Fulfillments.RejectMissingSkuAsync(929),
        ["C-10 wrong address"] = s => s.Fulfillments.RejectWrongAddressAsync(929),
        ["C-11 shipments"] = s => s.Fulfillments.CreateShipmentsAsync(new ShipmentsRequest(3832, [new Shipment("1Z92483740968", [LineItem.BySku("842956154969", 1)])])),
        ["C-12 rejections"] = s => s.Fulfillments.RejectLinesAsync([new Rejection(120, [LineItem.BySku("100100", 1)], "A111B222")]),
        ["C-12 rejections, snapshot mode, by UPC"] = s => s.Fulfillments.RejectLinesAsync([new Rejection(120, [LineItem.ByUpc("012345678905", 2)])]),
        ["C-13 return"] = s => s.Fulfillments.CreateReturnAsync(929, new ReturnRequest([LineItem.BySku("AAA222", 5)], "Wrong Size", "A11B22")),
        ["I-15 returns"] = s => s.Fulfillments.ListReturnsAsync(new ReturnFilter { State = ReturnStatuses.Approved }, limit: 10),
        ["I-16 return refunded"] = s => s.Fulfillments.SetReturnStatusAsync(5, ReturnStatuses.Refunded, new RefundRequest(12.5m)),

        ["C-16 list"] = s => s.Catalog.ListVariantsAsync(),
        ["C-16 list, projected, paged"] = s => s.Catalog.ListVariantsAsync(["id", "sku", "retail_price"], 100, 200),
        ["C-17 create, every field"] = s => s.Catalog.CreateVariantAsync(SupplierCatalogRequestTests.FullVariant),
        ["C-18 get"] = s => s.Catalog.GetVariantAsync(5),
        ["C-18 get, projected"] = s => s.Catalog.GetVariantAsync(5, ["sku", "images"]),
        ["C-19 import"] = s => s.Catalog.ImportProductsAsync(SupplierCatalogRequestTests.CsvImport),
        ["I-5 update"] = s => s.Catalog.UpdateVariantAsync(5, new VariantRequest { RetailPrice = 24.9m, Title = "Tee, red" }),
        ["I-6 bulk prices by SKU"] = s => s.Catalog.UpdateVariantsAsync(SupplierCatalogRequestTests.BulkPrices),
        ["I-7 publish"] = s => s.Catalog.PublishToRetailerAsync(7, VariantPublication.Publish(11, 12)),
        ["I-7 unpublish"] = s => s.Catalog.PublishToRetailerAsync(7, VariantPublication.Unpublish(12)),

        ["C-14 get"] = s => s.Profile.GetAsync(),
        ["C-14 get, projected"] = s => s.Profile.GetAsync(["id", "name", "createdAt"]),
        ["C-15 create"] = s => s.Profile.CreateAsync(new SupplierRequest("Brand", "brand")),
        ["I-4 update, name only"] = s => s.Profile.UpdateAsync(new SupplierRequest(Name: "Brand Inc.")),
        ["I-3 retailers"] = s => s.Profile.ListRetailersAsync(),
        ["I-3 retailers, projected, paged"] = s => s.Profile.ListRetailersAsync(["retailer_id", "retailer_name"], 20, 40),

        ["I-1 channels"] = s => s.Channels.ListAsync(),
        ["I-1 channels, projected"] = s => s.Channels.ListAsync(["id", "name", "type"]),
        ["I-2 supplier's channels"] = s => s.Channels.ListSupplierChannelsAsync(),
        ["I-2 supplier's channels, paged"] = s => s.Channels.ListSupplierChannelsAsync(limit: 5, offset: 10),

        ["I-8 list"] = s => s.Warehouses.ListAsync(),
        ["I-8 list, projected, paged"] = s => s.Warehouses.ListAsync(["id", "code"], 10, 0),
        ["I-9 get"] = s => s.Warehouses.GetAsync(3),
        ["I-10 create"] = s => s.Warehouses.CreateAsync(new WarehouseRequest(
            "East",
            "EAST-1",
            new Address { Address1 = "1 Dock St", City = "Newark", State = "NJ", Zip = "07102", Country = "US" },
            IsActive: true)),
        ["I-11 deactivate"] = s => s.Warehouses.UpdateAsync(3, new WarehouseRequest(IsActive: false)),

        ["I-12 list"] = s => s.Inventory.ListAsync(),
        ["I-12 one SKU in one warehouse"] = s => s.Inventory.ListAsync(new InventoryFilter { WarehouseId = 3, Sku = "SKU-1" }),
        ["I-12 one variant, projected, paged"] = s => s.Inventory.ListAsync(new InventoryFilter { VariantId = 11 }, ["sku", "quantity"], 50, 50),
        ["I-13 one warehouse"] = s => s.Inventory.ListByWarehouseAsync(3),
        ["I-13 one warehouse, paged"] = s => s.Inventory.ListByWarehouseAsync(3, limit: 500),
        ["I-14 set levels, every key"] = s => s.Inventory.SetLevelsAsync(3, [
            InventoryLevel.BySku("SKU-1", 5),
            InventoryLevel.ByUpc("012345678905", 0),
            InventoryLevel.ByEan("4006381333931", 2),
            InventoryLevel.ByVariantId(11, 7),
        ]),
    };

    private static readonly Dictionary<string, Func<CymbioRetailerClient, Task>> RetailerCases = new()
    {
        ["C-20 products"] = r => r.Catalog.ListProductsAsync(),
        ["C-20 products, other service type, projected, paged"] = r => r.Catalog.ListProductsAsync("wholesale", ["model", "variants"], 50, 100),
        ["C-21 create order"] = r => r.Orders.CreateAsync(RetailerPayloadSketches.Order),
        ["C-21 create order, only what is required"] = r => r.Orders.CreateAsync(new CreateOrderRequest { RetailerOrderId = "R-1", OrderLines = [new OrderLine { VariantId = 5, Quantity = 2 }] }),
        ["I-20 orders"] = r => r.Orders.ListAsync(),
        ["I-20 orders, filtered, projected, paged"] = r => r.Orders.ListAsync(new OrderFilter { State = OrderStates.Ordered, RetailerOrderId = "R-1" }, ["id", "state"], 10, 20),
        ["I-21 order"] = r => r.Orders.GetAsync(5),
        ["I-21 order, projected"] = r => r.Orders.GetAsync(5, ["fulfillments"]),
        ["I-22 fulfillments of an order"] = r => r.Orders.ListFulfillmentsAsync(5),
        ["I-23 cancel the order"] = r => r.Orders.RequestCancellationAsync(5, new CancelOrderRequest("Customer changed their mind")),
        ["I-23 cancel some lines"] = r => r.Orders.RequestCancellationAsync(5, new CancelOrderRequest("Out of budget", [LineItem.BySku("SKU123", 1), LineItem.ByEan("4006381333931", 2)])),
        ["I-24 return"] = r => r.Orders.CreateReturnAsync(5, new ReturnRequest([LineItem.BySku("AAA222", 5)], "Wrong Size", "A11B22")),
        ["I-25 returns"] = r => r.Orders.ListReturnsAsync(),
        ["I-25 refunds of one order"] = r => r.Orders.ListReturnsAsync(new RetailerReturnFilter { State = ReturnStatuses.Refunded, OrderId = 5 }, limit: 10),
        ["I-26 inventory"] = r => r.Inventory.ListAsync(),
        ["I-26 inventory of one supplier, projected, paged"] = r => r.Inventory.ListAsync(new RetailerInventoryFilter { SupplierId = 88 }, ["sku", "available_inventory"], 500, 1000),
        ["C-22 profile"] = r => r.Profile.GetAsync(),
        ["C-22 profile, projected"] = r => r.Profile.GetAsync(["id", "name"]),
        ["C-23 create retailer"] = r => r.Profile.CreateAsync(new CreateRetailerRequest("Retailer Store Name", "retailer-store")),
        ["I-28 update"] = r => r.Profile.UpdateAsync(new RetailerUpdate(ShippingMethodCodes: ["FEDEX", "UPS_GROUND"])),
        ["I-28 rename"] = r => r.Profile.UpdateAsync(new RetailerUpdate("New Name")),
        ["I-27 suppliers"] = r => r.Profile.ListSuppliersAsync(),
        ["I-27 suppliers, projected, paged"] = r => r.Profile.ListSuppliersAsync(["id"], 5, 0),
        ["I-29 channels"] = r => r.Profile.ListChannelsAsync(),
    };

    public static TheoryData<string> SupplierCaseNames => new(SupplierCases.Keys);

    public static TheoryData<string> RetailerCaseNames => new(RetailerCases.Keys);

    [Theory]
    [MemberData(nameof(SupplierCaseNames))]
    public Task SupplierRequest_IsTheInterfaceCasesRequest(string name) => SendsTheInterfaceCasesRequestAsync(name, cymbio => SupplierCases[name](cymbio.Supplier));

    [Theory]
    [MemberData(nameof(RetailerCaseNames))]
    public Task RetailerRequest_IsTheInterfaceCasesRequest(string name) => SendsTheInterfaceCasesRequestAsync(name, cymbio => RetailerCases[name](cymbio.Retailer));

    [Fact]
    public void EveryInterfaceCase_IsMadeThroughAnAggregate() =>
        Assert.Equal(InterfaceCases.Keys.Order(StringComparer.Ordinal), SupplierCases.Keys.Concat(RetailerCases.Keys).Order(StringComparer.Ordinal));

    [Fact]
    public Task EveryWrapperOfTheSupplierClient_HasACase() => AggregateAssert.CasesCallEveryWrapperAsync(SupplierCases.Values, accountId: 88);

    [Fact]
    public Task EveryWrapperOfTheRetailerClient_HasACase() => AggregateAssert.CasesCallEveryWrapperAsync(RetailerCases.Values, accountId: 7);

    private static Task SendsTheInterfaceCasesRequestAsync(string name, Func<CymbioClient, Task> call)
    {
        var expected = InterfaceCases[name];
        return ApiAssert.SendsThroughClientAsync(call, expected.Method, expected.PathAndQuery, expected.Body);
    }
}
