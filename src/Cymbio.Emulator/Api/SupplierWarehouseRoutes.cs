using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Cymbio.Api;
using Cymbio.Api.Suppliers;
using Microsoft.AspNetCore.Http;

namespace Cymbio.Emulator;

/// <summary>
/// The supplier's warehouses (docs/cymbio-api.md I-8…I-11): list, read, create and update. Warehouse codes are unique
/// per supplier (409 when taken). An inactive warehouse keeps its inventory, but it does not count as available to
/// retailers.
/// </summary>
internal static class SupplierWarehouseRoutes
{
    private const string Warehouses = "/v3/suppliers/{supplierId}/warehouses";

    public static void Register(Dictionary<string, RouteHandler> handlers)
    {
        handlers.Add("GET", Warehouses, ListAsync);
        handlers.Add("GET", Warehouses + "/{warehouseId}", GetAsync);
        handlers.Add("POST", Warehouses, CreateAsync);
        handlers.Add("PUT", Warehouses + "/{warehouseId}", UpdateAsync);
    }

    private static Task ListAsync(EmulatorCall call)
    {
        var supplier = call.Id("supplierId");
        var warehouses = call.Data.Locked(() => call.Data.WarehouseRecords.Values.Where(w => w.SupplierId == supplier).Select(static w => w.Value).ToArray());
        return call.OkProjectedAsync(call.Page(warehouses), CymbioApiJsonContext.Default.IReadOnlyListWarehouse);
    }

    private static Task GetAsync(EmulatorCall call)
    {
        var warehouse = call.Data.Locked(() => Find(call).Value);
        return call.OkProjectedAsync(warehouse, CymbioApiJsonContext.Default.Warehouse);
    }

    private static async Task CreateAsync(EmulatorCall call)
    {
        var request = await call.BodyAsync(CymbioApiJsonContext.Default.WarehouseRequest).ConfigureAwait(false);
        var name = RouteChecks.Required(request.Name, "name");
        RouteChecks.NotBlank(request.Code, "code");
        var supplier = call.Id("supplierId");
        var warehouse = call.Data.Locked(() =>
        {
            RequireFreeCode(call.Data, supplier, request.Code, exceptWarehouse: null);
            var created = new Warehouse { Id = call.Data.NextId(), Name = name, Code = request.Code, Address = request.Address, IsActive = request.IsActive ?? true };
            call.Data.WarehouseRecords[created.Id] = new EmulatorData.WarehouseRecord(supplier, created);
            return created;
        });
        await call.OkAsync(warehouse, CymbioApiJsonContext.Default.Warehouse, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private static async Task UpdateAsync(EmulatorCall call)
    {
        var request = await call.BodyAsync(CymbioApiJsonContext.Default.WarehouseRequest).ConfigureAwait(false);
        RouteChecks.NotBlank(request.Name, "name");
        RouteChecks.NotBlank(request.Code, "code");
        var id = call.Data.Locked(() =>
        {
            var record = Find(call);
            RequireFreeCode(call.Data, record.SupplierId, request.Code, exceptWarehouse: record.Value.Id);
            call.Data.WarehouseRecords[record.Value.Id] = record with
            {
                Value = record.Value with
                {
                    Name = request.Name ?? record.Value.Name,
                    Code = request.Code ?? record.Value.Code,
                    Address = request.Address ?? record.Value.Address,
                    IsActive = request.IsActive ?? record.Value.IsActive,
                },
            };
            return record.Value.Id;
        });
        await call.SuccessAsync($"Warehouse {id} updated.").ConfigureAwait(false);
    }

    private static EmulatorData.WarehouseRecord Find(EmulatorCall call)
    {
        var supplier = call.Id("supplierId");
        var id = call.Id("warehouseId");
        return call.Data.FindWarehouse(supplier, id) ?? throw EmulatorRequestException.NotFound($"Supplier {supplier} has no warehouse {id}.");
    }

    private static void RequireFreeCode(EmulatorData data, long supplier, string? code, long? exceptWarehouse)
    {
        if (code is not null && data.WarehouseRecords.Values.FirstOrDefault(w => w.SupplierId == supplier && w.Value.Id != exceptWarehouse && w.Value.Code == code) is { } taken)
        {
            throw EmulatorRequestException.Conflict($"Supplier {supplier} has a warehouse with code {EmulatorText.Printable(code)} already ({taken.Value.Id}).");
        }
    }
}
