using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Cymbio.Api.Suppliers;
using Cymbio.Api.Tests.Infrastructure;
using Xunit;

namespace Cymbio.Api.Tests.Suppliers;

/// <summary>
/// The warehouse (I-8…I-11) and inventory (I-12…I-14) endpoints send exactly the method, path, query and JSON body of
/// docs/cymbio-api.md §5.1, with a bearer token.
/// </summary>
public sealed class SupplierWarehousesRequestTests
{
    private const long Supplier = 88;

    internal static readonly Dictionary<string, (Func<ISupplierWarehousesApi, Task> Call, string Method, string PathAndQuery, string? Body)> WarehouseCases = new()
    {
        ["I-8 list"] = (api => api.ListAsync(Supplier), "GET", "/v3/suppliers/88/warehouses", null),
        ["I-8 list, projected, paged"] = (api => api.ListAsync(Supplier, ["id", "code"], 10, 0), "GET", "/v3/suppliers/88/warehouses?fields=id%2Ccode&limit=10&offset=0", null),
        ["I-9 get"] = (api => api.GetAsync(Supplier, 3), "GET", "/v3/suppliers/88/warehouses/3", null),
        ["I-10 create"] = (
            api => api.CreateAsync(Supplier, new WarehouseRequest(
                "East",
                "EAST-1",
                new Address { Address1 = "1 Dock St", City = "Newark", State = "NJ", Zip = "07102", Country = "US" },
                IsActive: true)),
            "POST",
            "/v3/suppliers/88/warehouses",
            """
            { "name": "East", "code": "EAST-1", "is_active": true,
              "address": { "address1": "1 Dock St", "city": "Newark", "state": "NJ", "zip": "07102", "country": "US" } }
            """),
        ["I-11 deactivate"] = (api => api.UpdateAsync(Supplier, 3, new WarehouseRequest(IsActive: false)), "PUT", "/v3/suppliers/88/warehouses/3", """{"is_active":false}"""),
    };

    internal static readonly Dictionary<string, (Func<ISupplierInventoryApi, Task> Call, string Method, string PathAndQuery, string? Body)> InventoryCases = new()
    {
        ["I-12 list"] = (api => api.ListAsync(Supplier), "GET", "/v3/suppliers/88/inventory", null),
        ["I-12 one SKU in one warehouse"] = (
            api => api.ListAsync(Supplier, new InventoryFilter { WarehouseId = 3, Sku = "SKU-1" }),
            "GET",
            "/v3/suppliers/88/inventory?filter=%7B%22warehouse_id%22%3A3%2C%22sku%22%3A%22SKU-1%22%7D",
            null),
        ["I-12 one variant, projected, paged"] = (
            api => api.ListAsync(Supplier, new InventoryFilter { VariantId = 11 }, ["sku", "quantity"], 50, 50),
            "GET",
            "/v3/suppliers/88/inventory?filter=%7B%22variant_id%22%3A11%7D&fields=sku%2Cquantity&limit=50&offset=50",
            null),
        ["I-13 one warehouse"] = (api => api.ListByWarehouseAsync(Supplier, 3), "GET", "/v3/suppliers/88/warehouses/3/inventory", null),
        ["I-13 one warehouse, paged"] = (api => api.ListByWarehouseAsync(Supplier, 3, limit: 500), "GET", "/v3/suppliers/88/warehouses/3/inventory?limit=500", null),
        ["I-14 set levels, every key"] = (
            api => api.SetLevelsAsync(Supplier, 3, [
                InventoryLevel.BySku("SKU-1", 5),
                InventoryLevel.ByUpc("012345678905", 0),
                InventoryLevel.ByEan("4006381333931", 2),
                InventoryLevel.ByVariantId(11, 7),
            ]),
            "PUT",
            "/v3/suppliers/88/warehouses/3/inventory",
            """
            [ { "sku": "SKU-1", "quantity": 5 }, { "upc": "012345678905", "quantity": 0 },
              { "ean": "4006381333931", "quantity": 2 }, { "variant_id": 11, "quantity": 7 } ]
            """),
    };

    public static TheoryData<string> WarehouseCaseNames => new(WarehouseCases.Keys);

    public static TheoryData<string> InventoryCaseNames => new(InventoryCases.Keys);

    [Theory]
    [MemberData(nameof(WarehouseCaseNames))]
    public async Task WarehouseRequest_IsWhatTheNotesSay(string name)
    {
        var (call, method, pathAndQuery, body) = WarehouseCases[name];
        await ApiAssert.SendsAsync(call, method, pathAndQuery, body);
    }

    [Theory]
    [MemberData(nameof(InventoryCaseNames))]
    public async Task InventoryRequest_IsWhatTheNotesSay(string name)
    {
        var (call, method, pathAndQuery, body) = InventoryCases[name];
        await ApiAssert.SendsAsync(call, method, pathAndQuery, body);
    }

    [Fact]
    public void EveryWarehouseMethod_HasACase() => ApiAssert.CoverEveryEndpoint<ISupplierWarehousesApi>(WarehouseCases.Keys);

    [Fact]
    public void EveryInventoryMethod_HasACase() => ApiAssert.CoverEveryEndpoint<ISupplierInventoryApi>(InventoryCases.Keys);
}
