using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Cymbio.Api;
using Xunit;

namespace Cymbio.Emulator.Tests;

public sealed class RetailerCatalogRouteTests
{
    [Fact]
    public async Task Products_AreBuiltFromTheConnectedSuppliersPublishedVariants()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var retailer = await RouteTestClient.RetailerAsync(cymbio);
        var products = JsonSerializer.Deserialize((await retailer.GetOkAsync("/v3/retailers/12/variants?service_type=ecommerce")).GetRawText(), CymbioApiJsonContext.Default.IReadOnlyListRetailerProduct)!;
        Assert.Equal("TEE-100,JEANS-200,SCARF-1", string.Join(",", products.Select(static p => p.Model)));
        var jeans = products[1];
        Assert.Equal([2003L, 2004L], jeans.Variants);
        Assert.Equal(88m, jeans.RetailPriceMin);
        Assert.Equal(92m, jeans.RetailPriceMax);
        Assert.Equal(44m, jeans.WholesalePriceMin);
        Assert.Equal(4, jeans.AvailableInventory);
        Assert.Equal(2, products[0].RetailersCount);
        Assert.DoesNotContain(products, static p => p.Model == "CAP-300");
        Assert.NotEmpty(products[0].Images!);
    }

    [Fact]
    public async Task Products_OfAnotherServiceType_AreEmpty_AndPaginationApplies()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var retailer = await RouteTestClient.RetailerAsync(cymbio);
        Assert.Equal(0, (await retailer.GetOkAsync("/v3/retailers/12/variants?service_type=wholesale")).GetArrayLength());
        Assert.Equal(1, (await retailer.GetOkAsync("/v3/retailers/12/variants?service_type=ecommerce&limit=1&offset=2")).GetArrayLength());
        var projected = await retailer.GetOkAsync("/v3/retailers/12/variants?service_type=ecommerce&fields=model,variants");
        Assert.All(projected.EnumerateArray(), static p => Assert.Equal(2, p.EnumerateObject().Count()));
    }
}
