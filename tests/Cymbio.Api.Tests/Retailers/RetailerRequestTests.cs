using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Cymbio.Api.Retailers;
using Cymbio.Api.Suppliers;
using Cymbio.Api.Tests.Infrastructure;
using Xunit;

namespace Cymbio.Api.Tests.Retailers;

/// <summary>
/// Every retailer endpoint sends exactly the method, path, query and JSON body of docs/cymbio-api.md §4.3 and §5.2
/// (the order body is §6.6's), with a bearer token.
/// </summary>
public sealed class RetailerRequestTests
{
    private const long Retailer = 7;

    internal static readonly Dictionary<string, (Func<CymbioClient, Task> Call, string Method, string PathAndQuery, string? Body)> Cases = new()
    {
        ["C-20 products"] = On<IRetailerCatalogApi>(api => api.ListProductsAsync(Retailer), "GET", "/v3/retailers/7/variants?service_type=ecommerce"),
        ["C-20 products, other service type, projected, paged"] = On<IRetailerCatalogApi>(
            api => api.ListProductsAsync(Retailer, "wholesale", ["model", "variants"], 50, 100),
            "GET",
            "/v3/retailers/7/variants?service_type=wholesale&fields=model%2Cvariants&limit=50&offset=100"),
        ["C-21 create order"] = On<IRetailerOrdersApi>(api => api.CreateAsync(Retailer, RetailerPayloadSketches.Order), "POST", "/v3/retailers/7/orders", RetailerPayloadSketches.OrderJson),
        ["C-21 create order, only what is required"] = On<IRetailerOrdersApi>(
            api => api.CreateAsync(Retailer, new CreateOrderRequest { RetailerOrderId = "R-1", OrderLines = [new OrderLine { VariantId = 5, Quantity = 2 }] }),
            "POST",
            "/v3/retailers/7/orders",
            """{ "retailer_order_id": "R-1", "order_lines": [ { "variant_id": 5, "quantity": 2 } ] }"""),
        ["I-20 orders"] = On<IRetailerOrdersApi>(api => api.ListAsync(Retailer), "GET", "/v3/retailers/7/orders"),
        ["I-20 orders, filtered, projected, paged"] = On<IRetailerOrdersApi>(
            api => api.ListAsync(Retailer, new OrderFilter { State = OrderStates.Ordered, RetailerOrderId = "R-1" }, ["id", "state"], 10, 20),
            "GET",
            "/v3/retailers/7/orders?filter=%7B%22state%22%3A%22ordered%22%2C%22retailer_order_id%22%3A%22R-1%22%7D&fields=id%2Cstate&limit=10&offset=20"),
        ["I-21 order"] = On<IRetailerOrdersApi>(api => api.GetAsync(Retailer, 5), "GET", "/v3/retailers/7/orders/5"),
        ["I-21 order, projected"] = On<IRetailerOrdersApi>(api => api.GetAsync(Retailer, 5, ["fulfillments"]), "GET", "/v3/retailers/7/orders/5?fields=fulfillments"),
        ["I-22 fulfillments of an order"] = On<IRetailerOrdersApi>(api => api.ListFulfillmentsAsync(Retailer, 5), "GET", "/v3/retailers/7/orders/5/fulfillments"),
        ["I-23 cancel the order"] = On<IRetailerOrdersApi>(
            api => api.RequestCancellationAsync(Retailer, 5, new CancelOrderRequest("Customer changed their mind")),
            "PUT",
            "/v3/retailers/7/orders/5/setStatus/cancelled",
            """{ "reason": "Customer changed their mind" }"""),
        ["I-23 cancel some lines"] = On<IRetailerOrdersApi>(
            api => api.RequestCancellationAsync(Retailer, 5, new CancelOrderRequest("Out of budget", [LineItem.BySku("SKU123", 1), LineItem.ByEan("4006381333931", 2)])),
            "PUT",
            "/v3/retailers/7/orders/5/setStatus/cancelled",
            """{ "reason": "Out of budget", "order_lines": [ { "sku": "SKU123", "quantity": 1 }, { "ean": "4006381333931", "quantity": 2 } ] }"""),
        ["I-24 return"] = On<IRetailerOrdersApi>(
            api => api.CreateReturnAsync(Retailer, 5, new ReturnRequest([LineItem.BySku("AAA222", 5)], "Wrong Size", "A11B22")),
            "POST",
            "/v3/retailers/7/orders/5/returns",
            """{ "reason": "Wrong Size", "return_id": "A11B22", "return_lines": [ { "quantity": 5, "sku": "AAA222" } ] }"""),
        ["I-25 returns"] = On<IRetailerOrdersApi>(api => api.ListReturnsAsync(Retailer), "GET", "/v3/retailers/7/returns"),
        ["I-25 refunds of one order"] = On<IRetailerOrdersApi>(
            api => api.ListReturnsAsync(Retailer, new RetailerReturnFilter { State = ReturnStatuses.Refunded, OrderId = 5 }, limit: 10),
            "GET",
            "/v3/retailers/7/returns?filter=%7B%22state%22%3A%22refunded%22%2C%22order_id%22%3A5%7D&limit=10"),
        ["I-26 inventory"] = On<IRetailerInventoryApi>(api => api.ListAsync(Retailer), "GET", "/v3/retailers/7/inventory"),
        ["I-26 inventory of one supplier, projected, paged"] = On<IRetailerInventoryApi>(
            api => api.ListAsync(Retailer, new RetailerInventoryFilter { SupplierId = 88 }, ["sku", "available_inventory"], 500, 1000),
            "GET",
            "/v3/retailers/7/inventory?filter=%7B%22supplier_id%22%3A88%7D&fields=sku%2Cavailable_inventory&limit=500&offset=1000"),
        ["C-22 profile"] = On<IRetailerProfileApi>(api => api.GetAsync(Retailer), "GET", "/v3/retailers/7"),
        ["C-22 profile, projected"] = On<IRetailerProfileApi>(api => api.GetAsync(Retailer, ["id", "name"]), "GET", "/v3/retailers/7?fields=id%2Cname"),
        ["C-23 create retailer"] = On<IRetailerProfileApi>(
            api => api.CreateAsync(new CreateRetailerRequest("Retailer Store Name", "retailer-store")),
            "POST",
            "/v3/retailers",
            """{ "name": "Retailer Store Name", "subdomain": "retailer-store" }"""),
        ["I-28 update"] = On<IRetailerProfileApi>(
            api => api.UpdateAsync(Retailer, new RetailerUpdate(ShippingMethodCodes: ["FEDEX", "UPS_GROUND"])),
            "PUT",
            "/v3/retailers/7",
            """{ "shipping_method_codes": ["FEDEX", "UPS_GROUND"] }"""),
        ["I-28 rename"] = On<IRetailerProfileApi>(api => api.UpdateAsync(Retailer, new RetailerUpdate("New Name")), "PUT", "/v3/retailers/7", """{ "name": "New Name" }"""),
        ["I-27 suppliers"] = On<IRetailerProfileApi>(api => api.ListSuppliersAsync(Retailer), "GET", "/v3/retailers/7/suppliers"),
        ["I-27 suppliers, projected, paged"] = On<IRetailerProfileApi>(api => api.ListSuppliersAsync(Retailer, ["id"], 5, 0), "GET", "/v3/retailers/7/suppliers?fields=id&limit=5&offset=0"),
        ["I-29 channels"] = On<IRetailerProfileApi>(api => api.ListChannelsAsync(Retailer), "GET", "/v3/retailers/7/channels"),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Request_IsWhatTheNotesSay(string name)
    {
        var (call, method, pathAndQuery, body) = Cases[name];
        await ApiAssert.SendsThroughClientAsync(call, method, pathAndQuery, body);
    }

    [Fact]
    public void EveryMethodOfTheRetailerApis_HasACase() =>
        ApiAssert.CoverEveryEndpoint(Cases.Keys, typeof(IRetailerCatalogApi), typeof(IRetailerOrdersApi), typeof(IRetailerInventoryApi), typeof(IRetailerProfileApi));

    private static (Func<CymbioClient, Task> Call, string Method, string PathAndQuery, string? Body) On<TApi>(Func<TApi, Task> call, string method, string pathAndQuery, string? body = null)
        where TApi : class =>
        (client => call(client.Create<TApi>(CymbioApi.CreateRefitSettings())), method, pathAndQuery, body);
}
