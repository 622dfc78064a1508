using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Cymbio.Api.Suppliers;
using Cymbio.Api.Tests.Infrastructure;
using Xunit;

namespace Cymbio.Api.Tests.Suppliers;

/// <summary>
/// Scopes, provenance and payloads of the supplier profile, catalogue, warehouse, inventory and channel APIs
/// (docs/cymbio-api.md C-14…C-19, I-1…I-14).
/// </summary>
public sealed class SupplierCatalogueBehaviourTests
{
    /// <summary>The scope of every method, as docs/cymbio-api.md §4.2, §5.1 and §5.3 give it.</summary>
    private static readonly Dictionary<string, string> Scopes = new(StringComparer.Ordinal)
    {
        ["ISupplierProfileApi.GetAsync"] = CymbioScopes.ReadSuppliers,
        ["ISupplierProfileApi.CreateAsync"] = CymbioScopes.WriteSuppliers,
        ["ISupplierProfileApi.UpdateAsync"] = CymbioScopes.WriteSuppliers,
        ["ISupplierProfileApi.ListRetailersAsync"] = CymbioScopes.ReadRetailers,
        ["ISupplierCatalogApi.ListVariantsAsync"] = CymbioScopes.ReadVariants,
        ["ISupplierCatalogApi.CreateVariantAsync"] = CymbioScopes.WriteVariants,
        ["ISupplierCatalogApi.GetVariantAsync"] = CymbioScopes.ReadVariants,
        ["ISupplierCatalogApi.ImportProductsAsync"] = CymbioScopes.WriteVariants,
        ["ISupplierCatalogApi.UpdateVariantAsync"] = CymbioScopes.WriteVariants,
        ["ISupplierCatalogApi.UpdateVariantsAsync"] = CymbioScopes.WriteVariants,
        ["ISupplierCatalogApi.PublishToRetailerAsync"] = CymbioScopes.WriteVariants,
        ["ISupplierWarehousesApi.ListAsync"] = CymbioScopes.ReadWarehouses,
        ["ISupplierWarehousesApi.GetAsync"] = CymbioScopes.ReadWarehouses,
        ["ISupplierWarehousesApi.CreateAsync"] = CymbioScopes.WriteWarehouses,
        ["ISupplierWarehousesApi.UpdateAsync"] = CymbioScopes.WriteWarehouses,
        ["ISupplierInventoryApi.ListAsync"] = CymbioScopes.ReadInventory,
        ["ISupplierInventoryApi.ListByWarehouseAsync"] = CymbioScopes.ReadInventory,
        ["ISupplierInventoryApi.SetLevelsAsync"] = CymbioScopes.WriteInventory,
        ["IChannelsApi.ListAsync"] = CymbioScopes.ReadChannels,
        ["IChannelsApi.ListSupplierChannelsAsync"] = CymbioScopes.ReadChannels,
    };

    private static readonly Type[] Apis = [typeof(ISupplierProfileApi), typeof(ISupplierCatalogApi), typeof(ISupplierWarehousesApi), typeof(ISupplierInventoryApi), typeof(IChannelsApi)];

    public static TheoryData<Type> ApiTypes => new(Apis);

    [Fact]
    public void ScopeExpectations_NameEveryMethod_AndEveryScopeOfTheSupplierSide()
    {
        Assert.Equal(Scopes.Keys.Order(StringComparer.Ordinal), Apis.SelectMany(static a => a.GetMethods().Select(m => $"{a.Name}.{m.Name}")).Order(StringComparer.Ordinal));
        Assert.Equal(
            [CymbioScopes.ReadChannels, CymbioScopes.ReadInventory, CymbioScopes.ReadRetailers, CymbioScopes.ReadSuppliers, CymbioScopes.ReadVariants, CymbioScopes.ReadWarehouses,
             CymbioScopes.WriteInventory, CymbioScopes.WriteSuppliers, CymbioScopes.WriteVariants, CymbioScopes.WriteWarehouses],
            Scopes.Values.Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ApiTypes))]
    public void ScopeTable_HoldsEveryMethod_WithTheScopeTheNotesGive(Type api) =>
        ApiAssert.ScopeTableHolds(api, method => Scopes[$"{api.Name}.{method.Name}"]);

    [Theory]
    [MemberData(nameof(ApiTypes))]
    public void EveryMethod_SaysWhereItComesFrom(Type api) => ApiAssert.EveryMethodSaysWhereItComesFrom(api);

    [Fact]
    public void Supplier_KeepsItsCamelCaseTimestamps_AndDropsThePaymentKeys()
    {
        var supplier = ApiAssert.RoundTrips(
            CymbioApiJsonContext.Default.Supplier,
            """
            { "id": 88, "name": "Brand", "subdomain": "brand", "createdAt": "2017-12-17T10:00:00.000Z", "updatedAt": "2018-01-02T03:04:05.000Z",
              "stripe_publishable_key": "pk_test", "stripe_secret_key": "sk_test", "a_member_cymbio_added_later": [1] }
            """,
            """{ "id": 88, "name": "Brand", "subdomain": "brand", "createdAt": "2017-12-17T10:00:00+00:00", "updatedAt": "2018-01-02T03:04:05+00:00" }""");

        Assert.Equal(new DateTimeOffset(2017, 12, 17, 10, 0, 0, TimeSpan.Zero), supplier.CreatedAt);
        Assert.Equal(new DateTimeOffset(2018, 1, 2, 3, 4, 5, TimeSpan.Zero), supplier.UpdatedAt);
    }

    [Fact]
    public void Variant_FromThePayloadSketch_RoundTrips_AndIgnoresUnknownMembers()
    {
        const string Known = """
            "id": 5, "sku": "TEE-RED-M", "model": "TEE", "retail_price": 29.9, "wholesale_price": 12.5, "title": "Tee",
            "description": "A tee.", "description_extra": "100% cotton.", "gtin": "00012345678905", "upc": "012345678905",
            "weight": 0.2, "images": [ "https://cdn.example/tee-red.jpg" ],
            "properties": [ { "type": "material", "value": "cotton" } ], "options": [ { "type": "color", "value": "red" } ],
            "ean": "4006381333931", "special_sale_price": 19.9, "special_sale_price_start": "2024-11-29T00:00:00+00:00",
            "special_sale_price_end": "2024-12-02T00:00:00+00:00", "supplier_id": 88,
            "inventory": [ { "warehouse_id": 3, "quantity": 4 } ],
            "created_at": "2022-02-03T05:52:25.418+00:00", "updated_at": "2022-02-04T00:00:00+00:00"
            """;

        var variant = ApiAssert.RoundTrips(CymbioApiJsonContext.Default.Variant, "{" + Known + """, "a_member_cymbio_added_later": { "nested": true } }""", "{" + Known + "}");

        Assert.Equal((5L, 29.9m, 0.2m), (variant.Id, variant.RetailPrice!.Value, variant.Weight!.Value));
        Assert.Equal(VariantOption.Color("red"), Assert.Single(variant.Options!));
        Assert.Equal((3L, 4), (Assert.Single(variant.Inventory!).WarehouseId!.Value, variant.Inventory![0].Quantity));
    }

    [Fact]
    public void Warehouse_RoundTrips_WithItsAddress_AndIgnoresUnknownMembers()
    {
        const string Known = """
            "id": 3, "name": "East", "code": "EAST-1", "id_in_source": "WH-01", "is_active": true,
            "address": { "address1": "1 Dock St", "city": "Newark", "state": "NJ", "zip": "07102", "country": "US" }
            """;

        var warehouse = ApiAssert.RoundTrips(CymbioApiJsonContext.Default.Warehouse, "{" + Known + """, "timezone": "America/New_York" }""", "{" + Known + "}");

        Assert.Equal(("Newark", true), (warehouse.Address!.City, warehouse.IsActive!.Value));
    }

    [Fact]
    public void InventoryLevel_RoundTrips_AsCymbioSendsIt_AndIgnoresUnknownMembers()
    {
        const string Known = """
            "variant_id": 11, "sku": "SKU-1", "upc": "012345678905", "warehouse_id": 3, "quantity": 5, "updated_at": "2024-05-06T07:08:09+00:00"
            """;

        var level = ApiAssert.RoundTrips(CymbioApiJsonContext.Default.InventoryLevel, "{" + Known + """, "fts": 9 }""", "{" + Known + "}");

        Assert.Equal((11L, 3L, 5), (level.VariantId!.Value, level.WarehouseId!.Value, level.Quantity));
    }

    [Fact]
    public void Retailers_And_Channels_RoundTrip_AndIgnoreUnknownMembers()
    {
        const string Retailer = """ "retailer_id": 7, "retailer_name": "Store", "retailer_erp_id": "R7", "status": "active", "service_type": "ecommerce" """;
        const string Channel = """ "id": 1, "name": "Shop", "type": "marketplace", "platform": "shopify", "logo_url": "https://cdn.example/shop.png" """;
        const string Connected = """ "id": 9, "channel_id": 1, "name": "Shop", "retailer_id": 7, "status": "connected", "service_type": "ecommerce" """;

        Assert.Equal(7, ApiAssert.RoundTrips(CymbioApiJsonContext.Default.ConnectedRetailer, "{" + Retailer + """, "x": 1 }""", "{" + Retailer + "}").RetailerId);
        Assert.Equal(ChannelTypes.Marketplace, ApiAssert.RoundTrips(CymbioApiJsonContext.Default.Channel, "{" + Channel + """, "x": 1 }""", "{" + Channel + "}").Type);
        Assert.Equal(1, ApiAssert.RoundTrips(CymbioApiJsonContext.Default.SupplierChannel, "{" + Connected + """, "x": 1 }""", "{" + Connected + "}").ChannelId);
    }

    [Fact]
    public async Task Lists_ReadTheBareArrayCymbioAnswers()
    {
        using var cymbio = new InMemoryCymbio { Respond = static _ => (HttpStatusCode.OK, """[{"id":5,"sku":"A"},{"id":6,"sku":"B","surprise":{}}]""") };
        using var client = cymbio.CreateClient();

        var variants = await client.Create<ISupplierCatalogApi>(CymbioApi.CreateRefitSettings()).ListVariantsAsync(88);

        Assert.Equal(["A", "B"], variants.Select(static v => v.Sku));
    }

    [Fact]
    public async Task Create_ReadsTheNewResource()
    {
        using var cymbio = new InMemoryCymbio { Respond = static _ => (HttpStatusCode.OK, """{"id":91,"name":"Brand","subdomain":"brand","createdAt":"2024-01-01T00:00:00Z"}""") };
        using var client = cymbio.CreateClient();

        var supplier = await client.Create<ISupplierProfileApi>(CymbioApi.CreateRefitSettings()).CreateAsync(new SupplierRequest("Brand", "brand"));

        Assert.Equal((91L, "brand"), (supplier.Id, supplier.Subdomain));
    }

    [Fact]
    public async Task InventoryPush_AnswerIsRead()
    {
        using var cymbio = new InMemoryCymbio { Respond = static _ => (HttpStatusCode.OK, """{"success":true,"message":"2 levels updated"}""") };
        using var client = cymbio.CreateClient();

        var result = await client.Create<ISupplierInventoryApi>(CymbioApi.CreateRefitSettings()).SetLevelsAsync(88, 3, [InventoryLevel.BySku("A", 1), InventoryLevel.BySku("B", 0)]);

        Assert.Equal(new CymbioActionResult(true, "2 levels updated"), result);
    }

    [Fact]
    public void InventoryFilter_IsCompactJson_WithOnlyTheKeysThatAreSet()
    {
        Assert.Equal("""{"warehouse_id":3,"sku":"SKU-1"}""", new InventoryFilter { WarehouseId = 3, Sku = "SKU-1" }.ToJson());
        Assert.Equal("""{"variant_id":11}""", new InventoryFilter { VariantId = 11 }.ToString());
        Assert.Equal("{}", new InventoryFilter().ToJson());
    }
}
