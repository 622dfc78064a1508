using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Cymbio.Api;
using Cymbio.Api.Suppliers;
using Microsoft.AspNetCore.Http;

namespace Cymbio.Emulator;

/// <summary>
/// The supplier profile (docs/cymbio-api.md C-14, C-15, I-3, I-4): read and update it, create a supplier, and list the
/// retailers the supplier is connected to. Subdomains are unique across suppliers and retailers (409 when taken).
/// </summary>
internal static class SupplierProfileRoutes
{
    private const string One = "/v3/suppliers/{supplierId}";

    public static void Register(Dictionary<string, RouteHandler> handlers)
    {
        handlers.Add("GET", One, GetAsync);
        handlers.Add("PUT", One, UpdateAsync);
        handlers.Add("POST", "/v3/suppliers", CreateAsync);
        handlers.Add("GET", One + "/retailers", ListRetailersAsync);
    }

    private static Task GetAsync(EmulatorCall call)
    {
        var id = call.Id("supplierId");
        var supplier = call.Data.Locked(() => call.Data.SupplierRecords.GetValueOrDefault(id)) ?? throw EmulatorRequestException.NotFound($"No supplier {id}.");
        return call.OkProjectedAsync(supplier, CymbioApiJsonContext.Default.Supplier);
    }

    private static async Task UpdateAsync(EmulatorCall call)
    {
        var request = await call.BodyAsync(CymbioApiJsonContext.Default.SupplierRequest).ConfigureAwait(false);
        if (request.Name is null && request.Subdomain is null)
        {
            throw EmulatorRequestException.BadRequest("Give a name or a subdomain to update.");
        }

        RouteChecks.NotBlank(request.Name, "name");
        var subdomain = request.Subdomain is null ? null : RouteChecks.Subdomain(request.Subdomain);
        var id = call.Id("supplierId");
        call.Data.Locked(() =>
        {
            var supplier = call.Data.SupplierRecords.GetValueOrDefault(id) ?? throw EmulatorRequestException.NotFound($"No supplier {id}.");
            if (subdomain is not null && call.Data.IsSubdomainTaken(subdomain, exceptSupplier: id))
            {
                throw EmulatorRequestException.Conflict($"The subdomain '{EmulatorText.Printable(subdomain)}' is taken.");
            }

            call.Data.SupplierRecords[id] = supplier with { Name = request.Name ?? supplier.Name, Subdomain = subdomain ?? supplier.Subdomain, UpdatedAt = call.Now };
            return 0;
        });
        await call.SuccessAsync($"Supplier {id} updated.").ConfigureAwait(false);
    }

    private static async Task CreateAsync(EmulatorCall call)
    {
        var request = await call.BodyAsync(CymbioApiJsonContext.Default.SupplierRequest).ConfigureAwait(false);
        var name = RouteChecks.Required(request.Name, "name");
        var subdomain = RouteChecks.Subdomain(request.Subdomain);
        var supplier = call.Data.Locked(() =>
        {
            if (call.Data.IsSubdomainTaken(subdomain))
            {
                throw EmulatorRequestException.Conflict($"The subdomain '{EmulatorText.Printable(subdomain)}' is taken.");
            }

            var created = new Supplier { Id = call.Data.NextId(), Name = name, Subdomain = subdomain, CreatedAt = call.Now, UpdatedAt = call.Now };
            call.Data.SupplierRecords[created.Id] = created;
            return created;
        });
        await call.OkAsync(supplier, CymbioApiJsonContext.Default.Supplier, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private static Task ListRetailersAsync(EmulatorCall call)
    {
        var id = call.Id("supplierId");
        var retailers = call.Data.Locked(() => call.Data.Connections
            .Where(c => c.SupplierId == id)
            .Select(c => new ConnectedRetailer
            {
                RetailerId = c.RetailerId,
                RetailerName = call.Data.RetailerRecords.GetValueOrDefault(c.RetailerId)?.Name,
                RetailerErpId = c.RetailerErpId,
                Status = c.Status,
                ServiceType = c.ServiceType,
            })
            .ToArray());
        return call.OkProjectedAsync(call.Page(retailers), CymbioApiJsonContext.Default.IReadOnlyListConnectedRetailer);
    }
}
