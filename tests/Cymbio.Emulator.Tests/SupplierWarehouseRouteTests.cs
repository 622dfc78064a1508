using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Cymbio.Api;
using Xunit;

namespace Cymbio.Emulator.Tests;

public sealed class SupplierWarehouseRouteTests
{
    [Fact]
    public async Task ListAndGet_ReturnTheSuppliersWarehouses()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var supplier = await RouteTestClient.SupplierAsync(cymbio);
        var warehouses = JsonSerializer.Deserialize((await supplier.GetOkAsync("/v3/suppliers/88/warehouses")).GetRawText(), CymbioApiJsonContext.Default.IReadOnlyListWarehouse)!;
        Assert.Equal([1L, 2L], warehouses.Select(static w => w.Id).ToArray());
        var main = JsonSerializer.Deserialize((await supplier.GetOkAsync("/v3/suppliers/88/warehouses/1")).GetRawText(), CymbioApiJsonContext.Default.Warehouse)!;
        Assert.Equal("MAIN", main.Code);
        Assert.Equal("Oakland", main.Address!.City);
        (await supplier.GetAsync("/v3/suppliers/88/warehouses/3")).AssertError(HttpStatusCode.NotFound, "no warehouse 3");
        (await supplier.GetAsync("/v3/suppliers/88/warehouses/424242")).AssertStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreateAndUpdate_AreVisibleInLaterReads_AndValidate()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var supplier = await RouteTestClient.SupplierAsync(cymbio);
        var created = (await supplier.PostAsync("/v3/suppliers/88/warehouses", """{"name":"West","code":"WEST","address":{"city":"Reno","country":"US"}}""")).AssertStatus(HttpStatusCode.Created).Json;
        var id = created.GetProperty("id").GetInt64();
        Assert.True(created.GetProperty("is_active").GetBoolean());
        Assert.Equal(3, (await supplier.GetOkAsync("/v3/suppliers/88/warehouses")).GetArrayLength());

        (await supplier.PutAsync($"/v3/suppliers/88/warehouses/{id}", """{"name":"West coast","is_active":false}""")).AssertStatus(HttpStatusCode.OK);
        var updated = await supplier.GetOkAsync($"/v3/suppliers/88/warehouses/{id}");
        Assert.Equal("West coast", updated.GetProperty("name").GetString());
        Assert.False(updated.GetProperty("is_active").GetBoolean());
        Assert.Equal("WEST", updated.GetProperty("code").GetString());

        (await supplier.PostAsync("/v3/suppliers/88/warehouses", """{"code":"X"}""")).AssertError(HttpStatusCode.BadRequest, "name");
        (await supplier.PostAsync("/v3/suppliers/88/warehouses", """{"name":"Dup","code":"MAIN"}""")).AssertError(HttpStatusCode.Conflict, "MAIN");
        (await supplier.PutAsync("/v3/suppliers/88/warehouses/2", """{"code":"MAIN"}""")).AssertStatus(HttpStatusCode.Conflict);
        (await supplier.PutAsync("/v3/suppliers/88/warehouses/999", """{"name":"x"}""")).AssertStatus(HttpStatusCode.NotFound);
        (await supplier.PutAsync("/v3/suppliers/88/warehouses/1", """{"name":"  "}""")).AssertError(HttpStatusCode.BadRequest, "blank");
    }
}
