using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Cymbio.Api;
using Xunit;

namespace Cymbio.Emulator.Tests;

public sealed class InventoryRouteTests
{
    private static string Filter(string json) => "filter=" + Uri.EscapeDataString(json);

    [Fact]
    public async Task SupplierInventory_IsPerVariantAndWarehouse_AndFilters()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var supplier = await RouteTestClient.SupplierAsync(cymbio);
        var all = JsonSerializer.Deserialize((await supplier.GetOkAsync("/v3/suppliers/88/inventory")).GetRawText(), CymbioApiJsonContext.Default.IReadOnlyListInventoryLevel)!;
        Assert.Equal(6, all.Count);
        Assert.DoesNotContain(all, static l => l.VariantId == 2101);
        Assert.All(all, static l => Assert.NotNull(l.UpdatedAt));

        var bySku = await supplier.GetOkAsync("/v3/suppliers/88/inventory?" + Filter("""{"sku":"842956154969"}"""));
        Assert.Equal([1L, 2L], bySku.EnumerateArray().Select(static l => l.GetProperty("warehouse_id").GetInt64()).Order().ToArray());
        var byWarehouse = await supplier.GetOkAsync("/v3/suppliers/88/inventory?" + Filter("""{"warehouse_id":2}"""));
        Assert.Equal(5, Assert.Single(byWarehouse.EnumerateArray()).GetProperty("quantity").GetInt32());
        Assert.Single((await supplier.GetOkAsync("/v3/suppliers/88/warehouses/2/inventory")).EnumerateArray());
        (await supplier.GetAsync("/v3/suppliers/88/warehouses/3/inventory")).AssertStatus(HttpStatusCode.NotFound);
        (await supplier.GetAsync("/v3/suppliers/88/inventory?filter=%5B1%5D")).AssertStatus(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Push_IsVisibleInSupplierAndRetailerReads()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var supplier = await RouteTestClient.SupplierAsync(cymbio);
        using var retailer = await RouteTestClient.RetailerAsync(cymbio);
        (await supplier.PutAsync("/v3/suppliers/88/warehouses/2/inventory",
            """[{"sku":"842956154969","quantity":40},{"upc":"842956137665","quantity":3},{"variant_id":2003,"quantity":0}]""")).AssertStatus(HttpStatusCode.OK);

        var east = await supplier.GetOkAsync("/v3/suppliers/88/warehouses/2/inventory");
        Assert.Equal(40, east.EnumerateArray().Single(static l => l.GetProperty("variant_id").GetInt64() == 2001).GetProperty("quantity").GetInt32());
        Assert.Equal(3, east.EnumerateArray().Single(static l => l.GetProperty("variant_id").GetInt64() == 2002).GetProperty("quantity").GetInt32());
        var variant = await supplier.GetOkAsync("/v3/variants/2001");
        Assert.Equal(50, variant.GetProperty("inventory").EnumerateArray().Sum(static l => l.GetProperty("quantity").GetInt32()));

        var retail = JsonSerializer.Deserialize((await retailer.GetOkAsync("/v3/retailers/12/inventory?" + Filter("""{"variant_id":2001}"""))).GetRawText(), CymbioApiJsonContext.Default.IReadOnlyListRetailerInventoryLevel)!;
        Assert.Equal(50, Assert.Single(retail).AvailableInventory);
        var products = await retailer.GetOkAsync("/v3/retailers/12/variants?service_type=ecommerce");
        var tee = products.EnumerateArray().Single(static p => p.GetProperty("model").GetString() == "TEE-100");
        Assert.Equal(50 + 7 + 3, tee.GetProperty("available_inventory").GetInt32());
    }

    [Fact]
    public async Task Push_RejectsBadRows_AndAppliesNothing()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var supplier = await RouteTestClient.SupplierAsync(cymbio);
        const string Path = "/v3/suppliers/88/warehouses/1/inventory";
        (await supplier.PutAsync(Path, """[{"sku":"842956154969","quantity":1},{"sku":"NOPE","quantity":1}]""")).AssertError(HttpStatusCode.BadRequest, "NOPE");
        (await supplier.PutAsync(Path, """[{"sku":"842956154969","quantity":-1}]""")).AssertError(HttpStatusCode.BadRequest, "negative");
        (await supplier.PutAsync(Path, """[{"quantity":1}]""")).AssertError(HttpStatusCode.BadRequest, "sku, upc, ean or variant_id");
        (await supplier.PutAsync(Path, """[{"sku":"OTHER-1","quantity":1}]""")).AssertStatus(HttpStatusCode.BadRequest);
        (await supplier.PutAsync(Path, "[]")).AssertStatus(HttpStatusCode.BadRequest);
        (await supplier.PutAsync("/v3/suppliers/88/warehouses/3/inventory", """[{"sku":"842956154969","quantity":1}]""")).AssertStatus(HttpStatusCode.NotFound);
        var main = await supplier.GetOkAsync("/v3/suppliers/88/warehouses/1/inventory");
        Assert.Equal(10, main.EnumerateArray().Single(static l => l.GetProperty("variant_id").GetInt64() == 2001).GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task RetailerInventory_CoversThePublishedVariantsOfConnectedSuppliers_AndFilters()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var retailer = await RouteTestClient.RetailerAsync(cymbio);
        var all = JsonSerializer.Deserialize((await retailer.GetOkAsync("/v3/retailers/12/inventory")).GetRawText(), CymbioApiJsonContext.Default.IReadOnlyListRetailerInventoryLevel)!;
        Assert.Equal([2001L, 2002L, 2003L, 2004L, 2101L], all.Select(static l => l.VariantId!.Value).ToArray());
        Assert.Equal(15, all[0].AvailableInventory);
        var other = await retailer.GetOkAsync("/v3/retailers/12/inventory?" + Filter("""{"supplier_id":99}"""));
        Assert.Equal("OTHER-1", Assert.Single(other.EnumerateArray()).GetProperty("sku").GetString());
    }
}
