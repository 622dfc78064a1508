using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Cymbio.Api;
using Cymbio.Api.Suppliers;
using Xunit;

namespace Cymbio.Emulator.Tests;

public sealed class RetailerOrderRouteTests
{
    private const string TwoSupplierOrder = """
        {"retailer_order_id":"WEB-1001","id_in_source":"shop-1001","shipping_method_code":"FEDEX",
         "shipping_address":{"first_name":"Ana","last_name":"Ruiz","address1":"2 Main St","city":"Austin","state":"TX","zip":"78701","country":"US"},
         "order_lines":[{"variant_id":2001,"quantity":2,"unit_price":35},{"retailer_sku":"AAA222","quantity":1},{"retailer_sku":"OTHER-1","quantity":1,"unit_price":40}]}
        """;

    [Fact]
    public async Task CreateOrder_SplitsIntoOneNewFulfillmentPerSupplier_VisibleToEachSupplier()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var retailer = await RouteTestClient.RetailerAsync(cymbio);
        using var supplier = await RouteTestClient.SupplierAsync(cymbio);
        var order = JsonSerializer.Deserialize((await retailer.PostAsync("/v3/retailers/12/orders", TwoSupplierOrder)).AssertStatus(HttpStatusCode.Created).Body, CymbioApiJsonContext.Default.RetailerOrder)!;
        Assert.Equal("ordered", order.State);
        Assert.Equal([88L, 99L], order.Fulfillments!.Select(static f => f.SupplierId!.Value).Order().ToArray());
        Assert.All(order.Fulfillments!, static f => Assert.Equal("new", f.FulfillmentState));

        var ours = order.Fulfillments!.Single(static f => f.SupplierId == 88).Id;
        var filter = Uri.EscapeDataString("""{"retailer_state":"ordered","fulfillment_state":"new"}""");
        var newOnes = JsonSerializer.Deserialize((await supplier.GetOkAsync($"/v3/suppliers/88/fulfillments?filter={filter}")).GetRawText(), CymbioApiJsonContext.Default.IReadOnlyListFulfillment)!;
        var fulfillment = Assert.Single(newOnes, f => f.Id == ours);
        Assert.Equal(order.Id, fulfillment.OrderId);
        Assert.Equal("WEB-1001", fulfillment.RetailerOrderId);
        Assert.Equal("Austin", fulfillment.ShippingAddress!.City);
        Assert.Equal("842956154969,AAA222", string.Join(",", fulfillment.FulfillmentLines!.Select(static l => l.Sku)));
        Assert.Equal(2, fulfillment.FulfillmentLines![0].Quantity);
        Assert.Equal(EmulatorData.Seeded.MainWarehouse, fulfillment.WarehouseId);
        Assert.Single(cymbio.Data.Fulfillments(99), f => f.OrderId == order.Id);
    }

    [Fact]
    public async Task GetOrder_ShowsTheSuppliersCurrentStatesAndTracking()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var retailer = await RouteTestClient.RetailerAsync(cymbio);
        using var supplier = await RouteTestClient.SupplierAsync(cymbio);
        var created = (await retailer.PostAsync("/v3/retailers/12/orders", """{"retailer_order_id":"WEB-2","order_lines":[{"variant_id":2002,"quantity":1}]}""")).AssertStatus(HttpStatusCode.Created).Json;
        var orderId = created.GetProperty("id").GetInt64();
        var fulfillmentId = created.GetProperty("fulfillments")[0].GetProperty("id").GetInt64();
        (await supplier.PutAsync($"/v3/suppliers/88/fulfillments/{fulfillmentId}/setStatus/shipped", """{"data":"1ZTRACK"}""")).AssertStatus(HttpStatusCode.OK);

        var order = JsonSerializer.Deserialize((await retailer.GetOkAsync($"/v3/retailers/12/orders/{orderId}")).GetRawText(), CymbioApiJsonContext.Default.RetailerOrder)!;
        Assert.Equal("shipped", order.State);
        var only = Assert.Single(order.Fulfillments!);
        Assert.Equal("shipped", only.FulfillmentState);
        Assert.Equal(["1ZTRACK"], only.TrackingNumbers);
        var fulfillments = JsonSerializer.Deserialize((await retailer.GetOkAsync($"/v3/retailers/12/orders/{orderId}/fulfillments")).GetRawText(), CymbioApiJsonContext.Default.IReadOnlyListOrderFulfillment)!;
        Assert.Equal(fulfillmentId, Assert.Single(fulfillments).Id);
    }

    [Fact]
    public async Task ListOrders_IncludesSeededAndNewOrders_AndFilters()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var retailer = await RouteTestClient.RetailerAsync(cymbio);
        var seeded = await retailer.GetOkAsync("/v3/retailers/12/orders");
        Assert.Contains(seeded.EnumerateArray(), static o => o.GetProperty("id").GetInt64() == EmulatorData.Seeded.Order);
        (await retailer.PostAsync("/v3/retailers/12/orders", """{"retailer_order_id":"WEB-3","order_lines":[{"variant_id":2001,"quantity":1}]}""")).AssertStatus(HttpStatusCode.Created);
        var filtered = await retailer.GetOkAsync("/v3/retailers/12/orders?filter=" + Uri.EscapeDataString("""{"retailer_order_id":"WEB-3"}"""));
        Assert.Equal("WEB-3", Assert.Single(filtered.EnumerateArray()).GetProperty("retailer_order_id").GetString());
        var shipped = await retailer.GetOkAsync("/v3/retailers/12/orders?filter=" + Uri.EscapeDataString("""{"state":"shipped"}"""));
        Assert.Equal(EmulatorData.Seeded.ShippedOrder, Assert.Single(shipped.EnumerateArray()).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task CancelOrder_MovesItsFulfillmentsToCanceling_ForTheSupplierToApprove()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var retailer = await RouteTestClient.RetailerAsync(cymbio);
        using var supplier = await RouteTestClient.SupplierAsync(cymbio);
        (await retailer.PutAsync($"/v3/retailers/12/orders/{EmulatorData.Seeded.Order}/setStatus/cancelled", """{"reason":"Customer changed their mind"}""")).AssertStatus(HttpStatusCode.OK);

        var filter = Uri.EscapeDataString("""{"fulfillment_state":"cancelling"}""");
        var requests = await supplier.GetOkAsync($"/v3/suppliers/88/fulfillments?filter={filter}");
        Assert.Contains(requests.EnumerateArray(), static f => f.GetProperty("id").GetInt64() == 929);
        Assert.Equal(FulfillmentStates.Canceling, cymbio.Data.Fulfillment(929)!.FulfillmentState);

        (await supplier.PutAsync("/v3/suppliers/88/fulfillments/929/setStatus/canceled", "{}")).AssertStatus(HttpStatusCode.OK);
        var order = await retailer.GetOkAsync($"/v3/retailers/12/orders/{EmulatorData.Seeded.Order}");
        Assert.Equal("canceled", order.GetProperty("state").GetString());
        (await retailer.PutAsync($"/v3/retailers/12/orders/{EmulatorData.Seeded.Order}/setStatus/cancelled", "{}")).AssertStatus(HttpStatusCode.OK);
        (await retailer.PutAsync($"/v3/retailers/12/orders/{EmulatorData.Seeded.ShippedOrder}/setStatus/cancelled", "{}")).AssertError(HttpStatusCode.Conflict, "shipped");
        (await retailer.PutAsync("/v3/retailers/12/orders/70009/setStatus/cancelled", """{"order_lines":[{"sku":"NOPE","quantity":1}]}""")).AssertError(HttpStatusCode.BadRequest, "NOPE");
    }

    [Fact]
    public async Task CreateOrder_RejectsBadBodies_AndAppliesNothing()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var retailer = await RouteTestClient.RetailerAsync(cymbio);
        const string Path = "/v3/retailers/12/orders";
        var before = cymbio.Data.Fulfillments(88).Count;
        (await retailer.PostAsync(Path, """{"order_lines":[{"variant_id":2001,"quantity":1}]}""")).AssertStatus(HttpStatusCode.BadRequest);
        (await retailer.PostAsync(Path, """{"retailer_order_id":"X","order_lines":[]}""")).AssertError(HttpStatusCode.BadRequest, "order_lines");
        (await retailer.PostAsync(Path, """{"retailer_order_id":"X","order_lines":[{"variant_id":2001,"quantity":0}]}""")).AssertError(HttpStatusCode.BadRequest, "positive");
        (await retailer.PostAsync(Path, """{"retailer_order_id":"X","order_lines":[{"quantity":1}]}""")).AssertError(HttpStatusCode.BadRequest, "variant_id or a retailer_sku");
        (await retailer.PostAsync(Path, """{"retailer_order_id":"X","order_lines":[{"variant_id":2001,"quantity":1},{"variant_id":2005,"quantity":1}]}""")).AssertError(HttpStatusCode.BadRequest, "2005");
        (await retailer.PostAsync(Path, """{"retailer_order_id":"X","order_lines":[{"retailer_sku":"NOPE","quantity":1}]}""")).AssertError(HttpStatusCode.BadRequest, "NOPE");
        (await retailer.PostAsync(Path, """{"retailer_order_id":"X","shipping_method_code":"PIGEON","order_lines":[{"variant_id":2001,"quantity":1}]}""")).AssertError(HttpStatusCode.BadRequest, "PIGEON");
        (await retailer.PostAsync(Path, """{"retailer_order_id":"R-929","order_lines":[{"variant_id":2001,"quantity":1}]}""")).AssertError(HttpStatusCode.Conflict, "R-929");
        Assert.Equal(before, cymbio.Data.Fulfillments(88).Count);
    }

    [Fact]
    public async Task ConcurrentOrders_WithOneRetailerOrderId_CreateExactlyOneOrder()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var retailer = await RouteTestClient.RetailerAsync(cymbio);
        var before = cymbio.Data.Fulfillments(88).Count;
        var replies = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            retailer.PostAsync("/v3/retailers/12/orders", """{"retailer_order_id":"RACE-1","order_lines":[{"variant_id":2001,"quantity":1}]}""")));
        Assert.Single(replies, static r => r.Status == HttpStatusCode.Created);
        Assert.Equal(11, replies.Count(static r => r.Status == HttpStatusCode.Conflict));
        Assert.Equal(before + 1, cymbio.Data.Fulfillments(88).Count);
        Assert.Single(cymbio.Data.Orders(12), static o => o.RetailerOrderId == "RACE-1");
    }

    [Fact]
    public async Task UnknownOrders_Are404()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var retailer = await RouteTestClient.RetailerAsync(cymbio);
        (await retailer.GetAsync("/v3/retailers/12/orders/123456")).AssertError(HttpStatusCode.NotFound, "no order 123456");
        (await retailer.GetAsync("/v3/retailers/12/orders/123456/fulfillments")).AssertStatus(HttpStatusCode.NotFound);
        (await retailer.PutAsync("/v3/retailers/12/orders/123456/setStatus/cancelled", "{}")).AssertStatus(HttpStatusCode.NotFound);
        (await retailer.PostAsync("/v3/retailers/12/orders/123456/returns", """{"return_lines":[{"sku":"A","quantity":1}]}""")).AssertStatus(HttpStatusCode.NotFound);
    }
}
