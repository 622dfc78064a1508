using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Cymbio.Api;
using Xunit;

namespace Cymbio.Emulator.Tests;

public sealed class ChannelRouteTests
{
    [Fact]
    public async Task Channels_ListTheSupportedChannels_ForSuppliersAndRetailers()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var supplier = await RouteTestClient.SupplierAsync(cymbio);
        using var retailer = await RouteTestClient.RetailerAsync(cymbio);
        foreach (var client in new[] { supplier, retailer })
        {
            var channels = JsonSerializer.Deserialize((await client.GetOkAsync("/v3/channels")).GetRawText(), CymbioApiJsonContext.Default.IReadOnlyListChannel)!;
            Assert.Equal("Shopify,Amazon,Instagram", string.Join(",", channels.Select(static c => c.Name)));
            Assert.All(channels, static c => Assert.False(string.IsNullOrEmpty(c.Type)));
        }
    }

    [Fact]
    public async Task SupplierAndRetailerChannels_AreTheirOwn()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var supplier = await RouteTestClient.SupplierAsync(cymbio);
        using var retailer = await RouteTestClient.RetailerAsync(cymbio);
        var supplierChannels = JsonSerializer.Deserialize((await supplier.GetOkAsync("/v3/suppliers/88/channels")).GetRawText(), CymbioApiJsonContext.Default.IReadOnlyListSupplierChannel)!;
        Assert.Equal([501L, 502L], supplierChannels.Select(static c => c.Id).ToArray());
        var retailerChannels = JsonSerializer.Deserialize((await retailer.GetOkAsync("/v3/retailers/12/channels")).GetRawText(), CymbioApiJsonContext.Default.IReadOnlyListRetailerChannel)!;
        var only = Assert.Single(retailerChannels);
        Assert.Equal(12, only.RetailerId);
        Assert.Equal("ecommerce", only.ServiceType);
    }
}
