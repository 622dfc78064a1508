using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Cymbio.Api;
using Xunit;

namespace Cymbio.Emulator.Tests;

public sealed class RetailerReturnRouteTests
{
    private static readonly string ReturnPath = $"/v3/retailers/12/orders/{EmulatorData.Seeded.ShippedOrder}/returns";

    [Fact]
    public async Task Return_IsCreatedOnce_PerReturnId_AndTheSupplierSeesIt()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var retailer = await RouteTestClient.RetailerAsync(cymbio);
        using var supplier = await RouteTestClient.SupplierAsync(cymbio);
        const string Body = """{"reason":"Wrong Size","return_id":"RET-1","return_lines":[{"sku":"AAA222","quantity":2}]}""";
        (await retailer.PostAsync(ReturnPath, Body)).AssertStatus(HttpStatusCode.Created);
        (await retailer.PostAsync(ReturnPath, Body)).AssertError(HttpStatusCode.OK, "exists already");

        var returns = JsonSerializer.Deserialize((await retailer.GetOkAsync("/v3/retailers/12/returns")).GetRawText(), CymbioApiJsonContext.Default.IReadOnlyListRetailerReturn)!;
        var only = Assert.Single(returns);
        Assert.Equal(EmulatorData.Seeded.ShippedOrder, only.OrderId);
        Assert.Equal(88, only.SupplierId);
        Assert.Equal("requested", only.State);

        var supplierReturns = await supplier.GetOkAsync("/v3/suppliers/88/returns");
        var seen = Assert.Single(supplierReturns.EnumerateArray());
        Assert.Equal("RET-1", seen.GetProperty("return_id").GetString());
        (await supplier.PutAsync($"/v3/suppliers/88/returns/{only.Id}/setStatus/refunded", """{"refund_amount":44}""")).AssertStatus(HttpStatusCode.OK);
        var after = await retailer.GetOkAsync("/v3/retailers/12/returns?filter=%7B%22state%22%3A%22refunded%22%7D");
        Assert.Equal(44m, Assert.Single(after.EnumerateArray()).GetProperty("refund_amount").GetDecimal());
    }

    [Fact]
    public async Task Return_WithoutReturnId_CreatesANewReturnEachTime()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var retailer = await RouteTestClient.RetailerAsync(cymbio);
        const string Body = """{"return_lines":[{"sku":"BBB222","quantity":1}]}""";
        (await retailer.PostAsync(ReturnPath, Body)).AssertStatus(HttpStatusCode.Created);
        (await retailer.PostAsync(ReturnPath, Body)).AssertStatus(HttpStatusCode.Created);
        Assert.Equal(2, (await retailer.GetOkAsync("/v3/retailers/12/returns")).GetArrayLength());
    }

    [Fact]
    public async Task Return_RejectsBadLines_AndUnshippedOrders()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var retailer = await RouteTestClient.RetailerAsync(cymbio);
        (await retailer.PostAsync(ReturnPath, """{"return_lines":[]}""")).AssertError(HttpStatusCode.BadRequest, "return_lines");
        (await retailer.PostAsync(ReturnPath, """{"return_lines":[{"sku":"AAA222","quantity":0}]}""")).AssertError(HttpStatusCode.BadRequest, "positive");
        (await retailer.PostAsync(ReturnPath, """{"return_lines":[{"sku":"AAA222","quantity":6}]}""")).AssertError(HttpStatusCode.BadRequest, "only 5");
        (await retailer.PostAsync(ReturnPath, """{"return_lines":[{"sku":"NOPE","quantity":1}]}""")).AssertError(HttpStatusCode.BadRequest, "NOPE");
        (await retailer.PostAsync($"/v3/retailers/12/orders/{EmulatorData.Seeded.Order}/returns", """{"return_lines":[{"sku":"SKU-929-A","quantity":1}]}""")).AssertError(HttpStatusCode.Conflict, "new");
        Assert.Equal(0, (await retailer.GetOkAsync("/v3/retailers/12/returns")).GetArrayLength());
    }
}
