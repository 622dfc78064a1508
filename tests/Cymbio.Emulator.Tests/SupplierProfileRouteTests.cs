using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Cymbio.Api;
using Xunit;

namespace Cymbio.Emulator.Tests;

public sealed class SupplierProfileRouteTests
{
    [Fact]
    public async Task GetSupplier_ReturnsTheProfile_AndFieldsProjects()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var supplier = await RouteTestClient.SupplierAsync(cymbio);
        var profile = JsonSerializer.Deserialize((await supplier.GetOkAsync("/v3/suppliers/88")).GetRawText(), CymbioApiJsonContext.Default.Supplier)!;
        Assert.Equal(88, profile.Id);
        Assert.Equal("emulator-brand", profile.Subdomain);
        Assert.NotNull(profile.CreatedAt);

        var projected = await supplier.GetOkAsync("/v3/suppliers/88?fields=id,name");
        Assert.Equal(["id", "name"], projected.EnumerateObject().Select(static p => p.Name).ToArray());
    }

    [Fact]
    public async Task PutSupplier_UpdatesTheProfile_AndValidates()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var supplier = await RouteTestClient.SupplierAsync(cymbio);
        var ok = (await supplier.PutAsync("/v3/suppliers/88", """{"name":"Renamed Brand"}""")).AssertStatus(HttpStatusCode.OK);
        Assert.True(ok.Json.GetProperty("success").GetBoolean());
        Assert.Equal("Renamed Brand", (await supplier.GetOkAsync("/v3/suppliers/88")).GetProperty("name").GetString());
        Assert.Equal("Renamed Brand", cymbio.Data.Supplier(88)!.Name);

        (await supplier.PutAsync("/v3/suppliers/88", "{}")).AssertError(HttpStatusCode.BadRequest, "name or a subdomain");
        (await supplier.PutAsync("/v3/suppliers/88", """{"subdomain":"Bad Domain"}""")).AssertError(HttpStatusCode.BadRequest, "lower-case");
        (await supplier.PutAsync("/v3/suppliers/88", """{"subdomain":"other-brand"}""")).AssertError(HttpStatusCode.Conflict, "taken");
    }

    [Fact]
    public async Task PostSuppliers_CreatesASupplier_AndRequiresNameAndSubdomain()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var supplier = await RouteTestClient.SupplierAsync(cymbio);
        var created = (await supplier.PostAsync("/v3/suppliers", """{"name":"New Brand","subdomain":"new-brand"}""")).AssertStatus(HttpStatusCode.Created).Json;
        Assert.True(created.GetProperty("id").GetInt64() > 0);
        Assert.Equal("new-brand", created.GetProperty("subdomain").GetString());
        Assert.NotNull(cymbio.Data.Supplier(created.GetProperty("id").GetInt64()));

        (await supplier.PostAsync("/v3/suppliers", """{"subdomain":"x"}""")).AssertError(HttpStatusCode.BadRequest, "name");
        (await supplier.PostAsync("/v3/suppliers", """{"name":"X"}""")).AssertError(HttpStatusCode.BadRequest, "subdomain");
        (await supplier.PostAsync("/v3/suppliers", """{"name":"X","subdomain":"new-brand"}""")).AssertError(HttpStatusCode.Conflict, "taken");
        (await supplier.PostAsync("/v3/suppliers", "not json")).AssertStatus(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ConnectedRetailers_ListsTheSuppliersConnections()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var supplier = await RouteTestClient.SupplierAsync(cymbio);
        var retailers = JsonSerializer.Deserialize((await supplier.GetOkAsync("/v3/suppliers/88/retailers")).GetRawText(), CymbioApiJsonContext.Default.IReadOnlyListConnectedRetailer)!;
        Assert.Equal([12L, 13L], retailers.Select(static r => r.RetailerId).ToArray());
        Assert.Equal("Emulator Retail Store", retailers[0].RetailerName);
        Assert.All(retailers, static r => Assert.Equal("active", r.Status));
        Assert.Single((await supplier.GetOkAsync("/v3/suppliers/88/retailers?limit=1")).EnumerateArray());
    }
}
