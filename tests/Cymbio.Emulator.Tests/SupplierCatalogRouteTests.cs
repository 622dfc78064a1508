using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Cymbio.Api;
using Xunit;

namespace Cymbio.Emulator.Tests;

public sealed class SupplierCatalogRouteTests
{
    private const string NewVariant = """
        {"sku":"NEW-1","model":"NEW","title":"New Tee","retail_price":30,"wholesale_price":15,"images":["https://example.test/a.jpg"],
         "options":[{"type":"size","value":"L"}],"properties":[{"type":"material","value":"linen"}]}
        """;

    [Fact]
    public async Task ListVariants_ReturnsTheSuppliersVariants_WithInventory()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var supplier = await RouteTestClient.SupplierAsync(cymbio);
        var variants = JsonSerializer.Deserialize((await supplier.GetOkAsync("/v3/suppliers/88/variants")).GetRawText(), CymbioApiJsonContext.Default.IReadOnlyListVariant)!;
        Assert.Equal([2001L, 2002L, 2003L, 2004L, 2005L], variants.Select(static v => v.Id).ToArray());
        Assert.All(variants, static v => Assert.Equal(88, v.SupplierId));
        Assert.Equal(15, variants[0].Inventory!.Sum(static l => l.Quantity));
        Assert.Equal(2, (await supplier.GetOkAsync("/v3/suppliers/88/variants?limit=2&offset=1")).GetArrayLength());
    }

    [Fact]
    public async Task CreateVariant_IsVisibleInTheListAndByIdAndUpdatable()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var supplier = await RouteTestClient.SupplierAsync(cymbio);
        var created = JsonSerializer.Deserialize((await supplier.PostAsync("/v3/suppliers/88/variants", NewVariant)).AssertStatus(HttpStatusCode.Created).Body, CymbioApiJsonContext.Default.Variant)!;
        Assert.True(created.Id > 0);
        Assert.Equal(88, created.SupplierId);
        Assert.Equal("NEW-1", created.Sku);

        var list = await supplier.GetOkAsync("/v3/suppliers/88/variants");
        Assert.Contains(list.EnumerateArray(), v => v.GetProperty("id").GetInt64() == created.Id);
        var one = await supplier.GetOkAsync($"/v3/variants/{created.Id}");
        Assert.Equal("New Tee", one.GetProperty("title").GetString());

        (await supplier.PutAsync($"/v3/suppliers/88/variants/{created.Id}", """{"title":"Renamed Tee","retail_price":32}""")).AssertStatus(HttpStatusCode.OK);
        var updated = await supplier.GetOkAsync($"/v3/variants/{created.Id}?fields=id,title,retail_price");
        Assert.Equal("Renamed Tee", updated.GetProperty("title").GetString());
        Assert.Equal(32m, updated.GetProperty("retail_price").GetDecimal());
        Assert.Equal(3, updated.EnumerateObject().Count());
    }

    [Fact]
    public async Task CreateVariant_RejectsBadBodies_AndTakenSkus()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var supplier = await RouteTestClient.SupplierAsync(cymbio);
        (await supplier.PostAsync("/v3/suppliers/88/variants", """{"model":"M","title":"T","retail_price":1,"images":["x"]}""")).AssertError(HttpStatusCode.BadRequest, "sku");
        (await supplier.PostAsync("/v3/suppliers/88/variants", """{"sku":"S","model":"M","title":"T","images":["x"]}""")).AssertError(HttpStatusCode.BadRequest, "retail_price");
        (await supplier.PostAsync("/v3/suppliers/88/variants", """{"sku":"S","model":"M","title":"T","retail_price":1,"images":[]}""")).AssertError(HttpStatusCode.BadRequest, "images");
        (await supplier.PostAsync("/v3/suppliers/88/variants", """{"sku":"S","model":"M","title":"T","retail_price":-1,"images":["x"]}""")).AssertError(HttpStatusCode.BadRequest, "negative");
        (await supplier.PostAsync("/v3/suppliers/88/variants", """{"sku":"S","model":"M","title":"T","retail_price":1,"images":["x"],"options":[{"type":"flavour","value":"x"}]}""")).AssertError(HttpStatusCode.BadRequest, "option type");
        (await supplier.PostAsync("/v3/suppliers/88/variants", """{"sku":"AAA222","model":"M","title":"T","retail_price":1,"images":["x"]}""")).AssertError(HttpStatusCode.Conflict, "AAA222");
        (await supplier.PostAsync("/v3/suppliers/88/variants", """{"sku":42}""")).AssertStatus(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UnknownVariants_Are404_AndOtherSuppliersVariantsAreHidden()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var supplier = await RouteTestClient.SupplierAsync(cymbio);
        (await supplier.GetAsync("/v3/variants/999999")).AssertError(HttpStatusCode.NotFound, "999999");
        (await supplier.GetAsync("/v3/variants/2101")).AssertStatus(HttpStatusCode.NotFound);
        (await supplier.PutAsync("/v3/suppliers/88/variants/2101", """{"title":"x"}""")).AssertError(HttpStatusCode.NotFound, "no variant 2101");
        (await supplier.PutAsync("/v3/suppliers/88/variants/2001", """{"sku":"842956137665"}""")).AssertStatus(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task BulkUpdate_ChangesEveryVariantBySku_OrNoneWhenOneIsUnknown()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var supplier = await RouteTestClient.SupplierAsync(cymbio);
        (await supplier.PutAsync("/v3/suppliers/88/variants", """[{"sku":"AAA222","retail_price":99},{"sku":"BBB222","wholesale_price":40}]""")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(99m, (await supplier.GetOkAsync("/v3/variants/2003")).GetProperty("retail_price").GetDecimal());
        Assert.Equal(40m, (await supplier.GetOkAsync("/v3/variants/2004")).GetProperty("wholesale_price").GetDecimal());

        (await supplier.PutAsync("/v3/suppliers/88/variants", """[{"sku":"AAA222","retail_price":1},{"sku":"NOPE","retail_price":1}]""")).AssertError(HttpStatusCode.BadRequest, "NOPE");
        Assert.Equal(99m, (await supplier.GetOkAsync("/v3/variants/2003")).GetProperty("retail_price").GetDecimal());
        (await supplier.PutAsync("/v3/suppliers/88/variants", "[]")).AssertStatus(HttpStatusCode.BadRequest);
        (await supplier.PutAsync("/v3/suppliers/88/variants", """[{"retail_price":1}]""")).AssertError(HttpStatusCode.BadRequest, "sku");
    }

    [Fact]
    public async Task Publish_MakesAVariantVisibleToTheRetailer_AndUnpublishHidesIt()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var supplier = await RouteTestClient.SupplierAsync(cymbio);
        using var retailer = await RouteTestClient.RetailerAsync(cymbio);
        (await retailer.GetAsync("/v3/variants/2005")).AssertStatus(HttpStatusCode.NotFound);
        (await supplier.PutAsync("/v3/suppliers/88/retailers/12/variants", """{"variant_ids":[2005],"published":true}""")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("100100", (await retailer.GetOkAsync("/v3/variants/2005")).GetProperty("sku").GetString());
        (await supplier.PutAsync("/v3/suppliers/88/retailers/12/variants", """{"variant_ids":[2005],"published":false}""")).AssertStatus(HttpStatusCode.OK);
        (await retailer.GetAsync("/v3/variants/2005")).AssertStatus(HttpStatusCode.NotFound);

        (await supplier.PutAsync("/v3/suppliers/88/retailers/777/variants", """{"variant_ids":[2005],"published":true}""")).AssertError(HttpStatusCode.NotFound, "not connected");
        (await supplier.PutAsync("/v3/suppliers/88/retailers/12/variants", """{"variant_ids":[2101],"published":true}""")).AssertError(HttpStatusCode.BadRequest, "2101");
        (await supplier.PutAsync("/v3/suppliers/88/retailers/12/variants", """{"variant_ids":[],"published":true}""")).AssertStatus(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ImportProducts_AcceptsAValidImport_AndRejectsBadOnes()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var supplier = await RouteTestClient.SupplierAsync(cymbio);
        var ok = (await supplier.PostAsync("/v3/suppliers/88/importProducts", """{"url":"https://example.test/p.csv","file_type":"csv","schema":[{"source_field":"SKU","destination_field":"sku","string_transformer":"uppercase"}]}""")).AssertStatus(HttpStatusCode.OK);
        Assert.True(ok.Json.GetProperty("success").GetBoolean());
        (await supplier.PostAsync("/v3/suppliers/88/importProducts", """{"url":"ftp://x/p.csv","schema":[{"source_field":"a","destination_field":"sku"}]}""")).AssertError(HttpStatusCode.BadRequest, "url");
        (await supplier.PostAsync("/v3/suppliers/88/importProducts", """{"url":"https://x/p.xml","file_type":"xml","schema":[{"source_field":"a","destination_field":"sku"}]}""")).AssertError(HttpStatusCode.BadRequest, "file_type");
        (await supplier.PostAsync("/v3/suppliers/88/importProducts", """{"url":"https://x/p.csv","schema":[]}""")).AssertError(HttpStatusCode.BadRequest, "schema");
        (await supplier.PostAsync("/v3/suppliers/88/importProducts", """{"url":"https://x/p.csv","schema":[{"source_field":"a","destination_field":"colour"}]}""")).AssertError(HttpStatusCode.BadRequest, "destination_field");
    }
}
