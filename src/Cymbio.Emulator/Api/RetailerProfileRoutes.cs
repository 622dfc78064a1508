using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Cymbio.Api;
using Cymbio.Api.Retailers;
using Microsoft.AspNetCore.Http;

namespace Cymbio.Emulator;

/// <summary>
/// The retailer profile (docs/cymbio-api.md C-22, C-23, I-27, I-28): read and update it (name, shipping method codes),
/// create a retailer, and list the suppliers the retailer is connected to.
/// </summary>
internal static class RetailerProfileRoutes
{
    private const string One = "/v3/retailers/{retailerId}";

    public static void Register(Dictionary<string, RouteHandler> handlers)
    {
        handlers.Add("GET", One, GetAsync);
        handlers.Add("PUT", One, UpdateAsync);
        handlers.Add("POST", "/v3/retailers", CreateAsync);
        handlers.Add("GET", One + "/suppliers", ListSuppliersAsync);
    }

    private static Task GetAsync(EmulatorCall call)
    {
        var id = call.Id("retailerId");
        var retailer = call.Data.Locked(() => call.Data.RetailerRecords.GetValueOrDefault(id)) ?? throw EmulatorRequestException.NotFound($"No retailer {id}.");
        return call.OkProjectedAsync(retailer, CymbioApiJsonContext.Default.RetailerProfile);
    }

    private static async Task UpdateAsync(EmulatorCall call)
    {
        var update = await call.BodyAsync(CymbioApiJsonContext.Default.RetailerUpdate).ConfigureAwait(false);
        if (update.Name is null && update.ShippingMethodCodes is null)
        {
            throw EmulatorRequestException.BadRequest("Give a name or shipping_method_codes to update.");
        }

        RouteChecks.NotBlank(update.Name, "name");
        if (update.ShippingMethodCodes is { } codes && codes.Any(string.IsNullOrWhiteSpace))
        {
            throw EmulatorRequestException.BadRequest("The shipping_method_codes must not be blank.");
        }

        var id = call.Id("retailerId");
        call.Data.Locked(() =>
        {
            var retailer = call.Data.RetailerRecords.GetValueOrDefault(id) ?? throw EmulatorRequestException.NotFound($"No retailer {id}.");
            call.Data.RetailerRecords[id] = retailer with
            {
                Name = update.Name ?? retailer.Name,
                ShippingMethodCodes = update.ShippingMethodCodes?.Distinct().ToArray() ?? retailer.ShippingMethodCodes,
                UpdatedAt = call.Now,
            };
            return 0;
        });
        await call.SuccessAsync($"Retailer {id} updated.").ConfigureAwait(false);
    }

    private static async Task CreateAsync(EmulatorCall call)
    {
        var request = await call.BodyAsync(CymbioApiJsonContext.Default.CreateRetailerRequest).ConfigureAwait(false);
        var name = RouteChecks.Required(request.Name, "name");
        var subdomain = request.Subdomain is null ? null : RouteChecks.Subdomain(request.Subdomain);
        var retailer = call.Data.Locked(() =>
        {
            if (subdomain is not null && call.Data.IsSubdomainTaken(subdomain))
            {
                throw EmulatorRequestException.Conflict($"The subdomain '{EmulatorText.Printable(subdomain)}' is taken.");
            }

            var created = new RetailerProfile { Id = call.Data.NextId(), Name = name, Subdomain = subdomain, ShippingMethodCodes = [], CreatedAt = call.Now, UpdatedAt = call.Now };
            call.Data.RetailerRecords[created.Id] = created;
            return created;
        });
        await call.OkAsync(retailer, CymbioApiJsonContext.Default.RetailerProfile, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private static Task ListSuppliersAsync(EmulatorCall call)
    {
        var id = call.Id("retailerId");
        var suppliers = call.Data.Locked(() => call.Data.Connections
            .Where(c => c.RetailerId == id && call.Data.SupplierRecords.ContainsKey(c.SupplierId))
            .Select(c => call.Data.SupplierRecords[c.SupplierId])
            .Select(static s => new ConnectedSupplier { Id = s.Id, Name = s.Name, Subdomain = s.Subdomain })
            .ToArray());
        return call.OkProjectedAsync(call.Page(suppliers), CymbioApiJsonContext.Default.IReadOnlyListConnectedSupplier);
    }
}
