using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Cymbio.Api;
using Xunit;

namespace Cymbio.Emulator.Tests;

public sealed class RetailerProfileRouteTests
{
    [Fact]
    public async Task GetAndPut_ReadAndUpdateTheProfile()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var retailer = await RouteTestClient.RetailerAsync(cymbio);
        var profile = JsonSerializer.Deserialize((await retailer.GetOkAsync("/v3/retailers/12")).GetRawText(), CymbioApiJsonContext.Default.RetailerProfile)!;
        Assert.Equal("Emulator Retail Store", profile.Name);
        Assert.Equal(["UPS_GROUND", "FEDEX"], profile.ShippingMethodCodes);

        (await retailer.PutAsync("/v3/retailers/12", """{"shipping_method_codes":["DHL"]}""")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(["DHL"], cymbio.Data.Retailer(12)!.ShippingMethodCodes);
        Assert.Equal("Emulator Retail Store", (await retailer.GetOkAsync("/v3/retailers/12")).GetProperty("name").GetString());
        (await retailer.PutAsync("/v3/retailers/12", "{}")).AssertStatus(HttpStatusCode.BadRequest);
        (await retailer.PutAsync("/v3/retailers/12", """{"shipping_method_codes":[""]}""")).AssertError(HttpStatusCode.BadRequest, "shipping_method_codes");
    }

    [Fact]
    public async Task PostRetailers_CreatesARetailer_AndRequiresAName()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var retailer = await RouteTestClient.RetailerAsync(cymbio);
        var created = (await retailer.PostAsync("/v3/retailers", """{"name":"Pop-up Store","subdomain":"pop-up"}""")).AssertStatus(HttpStatusCode.Created).Json;
        Assert.Equal("Pop-up Store", cymbio.Data.Retailer(created.GetProperty("id").GetInt64())!.Name);
        (await retailer.PostAsync("/v3/retailers", """{"subdomain":"x"}""")).AssertError(HttpStatusCode.BadRequest, "name");
        (await retailer.PostAsync("/v3/retailers", """{"name":"Again","subdomain":"pop-up"}""")).AssertStatus(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ConnectedSuppliers_AreListed()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var retailer = await RouteTestClient.RetailerAsync(cymbio);
        var suppliers = JsonSerializer.Deserialize((await retailer.GetOkAsync("/v3/retailers/12/suppliers")).GetRawText(), CymbioApiJsonContext.Default.IReadOnlyListConnectedSupplier)!;
        Assert.Equal([88L, 99L], suppliers.Select(static s => s.Id).ToArray());
        Assert.Equal("emulator-brand", suppliers[0].Subdomain);
    }
}
