using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Cymbio.Api;

namespace Cymbio.Emulator;

/// <summary>
/// Channels (docs/cymbio-api.md I-1, I-2, I-29): the sales channels Cymbio supports, and the channels a supplier or a
/// retailer is connected through. Read-only.
/// </summary>
internal static class ChannelRoutes
{
    public static void Register(Dictionary<string, RouteHandler> handlers)
    {
        handlers.Add("GET", "/v3/channels", ListAsync);
        handlers.Add("GET", "/v3/suppliers/{supplierId}/channels", ListSupplierChannelsAsync);
        handlers.Add("GET", "/v3/retailers/{retailerId}/channels", ListRetailerChannelsAsync);
    }

    private static Task ListAsync(EmulatorCall call)
    {
        var channels = call.Data.Locked(() => call.Data.ChannelRecords.ToArray());
        return call.OkProjectedAsync(call.Page(channels), CymbioApiJsonContext.Default.IReadOnlyListChannel);
    }

    private static Task ListSupplierChannelsAsync(EmulatorCall call)
    {
        var supplier = call.Id("supplierId");
        var channels = call.Data.Locked(() => call.Data.SupplierChannels(supplier).ToArray());
        return call.OkProjectedAsync(call.Page(channels), CymbioApiJsonContext.Default.IReadOnlyListSupplierChannel);
    }

    private static Task ListRetailerChannelsAsync(EmulatorCall call)
    {
        var retailer = call.Id("retailerId");
        var channels = call.Data.Locked(() => call.Data.RetailerChannels(retailer).ToArray());
        return call.OkProjectedAsync(call.Page(channels), CymbioApiJsonContext.Default.IReadOnlyListRetailerChannel);
    }
}
