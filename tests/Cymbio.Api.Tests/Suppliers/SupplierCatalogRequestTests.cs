using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Cymbio.Api.Suppliers;
using Cymbio.Api.Tests.Infrastructure;
using Xunit;

namespace Cymbio.Api.Tests.Suppliers;

/// <summary>
/// The catalogue endpoints (C-16…C-19, I-5…I-7) send exactly the method, path, query and JSON body of
/// docs/cymbio-api.md §4.2, §5.1 and §6.3 (the field names of the 2017 SDK S10), with a bearer token.
/// </summary>
public sealed class SupplierCatalogRequestTests
{
    private const long Supplier = 88;

    internal static readonly VariantRequest FullVariant = new()
    {
        Sku = "TEE-RED-M",
        Model = "TEE",
        RetailPrice = 29.9m,
        WholesalePrice = 12.5m,
        Title = "Tee",
        Description = "A tee.",
        DescriptionExtra = "100% cotton.",
        Gtin = "00012345678905",
        Upc = "012345678905",
        Weight = 0.2m,
        Images = ["https://cdn.example/tee-red.jpg", "https://cdn.example/tee-red-back.jpg"],
        Properties = [new VariantProperty("material", "cotton")],
        Options = [VariantOption.Color("red"), VariantOption.Size("M"), VariantOption.Width("regular")],
    };

    /// <summary>I-6: two variants by SKU, one with a sale period.</summary>
    internal static readonly VariantRequest[] BulkPrices =
    [
        new VariantRequest
        {
            Sku = "TEE-RED-M",
            RetailPrice = 29.9m,
            SpecialSalePrice = 19.9m,
            SpecialSalePriceStart = new DateTimeOffset(2024, 11, 29, 0, 0, 0, TimeSpan.Zero),
            SpecialSalePriceEnd = new DateTimeOffset(2024, 12, 2, 0, 0, 0, TimeSpan.Zero),
        },
        new VariantRequest { Sku = "TEE-RED-L", WholesalePrice = 13m },
    ];

    /// <summary>C-19: a CSV import with each kind of transformer.</summary>
    internal static readonly ProductImportRequest CsvImport = new(
        "https://files.example/catalog.csv",
        [
            new ImportSchemaField("Item", ImportDestinationFields.Sku),
            new ImportSchemaField("Name", ImportDestinationFields.Title, StringTransformer: ImportStringTransformers.CapitalizeFirst),
            new ImportSchemaField("Cost", ImportDestinationFields.WholesalePrice, MathTransformer: "*0.5"),
            new ImportSchemaField("Pictures", ImportDestinationFields.Images, SplitByCharacter: "|"),
        ]);

    internal static readonly Dictionary<string, (Func<ISupplierCatalogApi, Task> Call, string Method, string PathAndQuery, string? Body)> Cases = new()
    {
        ["C-16 list"] = (api => api.ListVariantsAsync(Supplier), "GET", "/v3/suppliers/88/variants", null),
        ["C-16 list, projected, paged"] = (
            api => api.ListVariantsAsync(Supplier, ["id", "sku", "retail_price"], 100, 200),
            "GET",
            "/v3/suppliers/88/variants?fields=id%2Csku%2Cretail_price&limit=100&offset=200",
            null),
        ["C-17 create, every field"] = (
            api => api.CreateVariantAsync(Supplier, FullVariant),
            "POST",
            "/v3/suppliers/88/variants",
            """
            {
              "sku": "TEE-RED-M", "model": "TEE", "retail_price": 29.9, "wholesale_price": 12.5, "title": "Tee",
              "description": "A tee.", "description_extra": "100% cotton.", "gtin": "00012345678905", "upc": "012345678905",
              "weight": 0.2, "images": [ "https://cdn.example/tee-red.jpg", "https://cdn.example/tee-red-back.jpg" ],
              "properties": [ { "type": "material", "value": "cotton" } ],
              "options": [ { "type": "color", "value": "red" }, { "type": "size", "value": "M" }, { "type": "width", "value": "regular" } ]
            }
            """),
        ["C-18 get"] = (api => api.GetVariantAsync(5), "GET", "/v3/variants/5", null),
        ["C-18 get, projected"] = (api => api.GetVariantAsync(5, ["sku", "images"]), "GET", "/v3/variants/5?fields=sku%2Cimages", null),
        ["C-19 import"] = (
            api => api.ImportProductsAsync(Supplier, CsvImport),
            "POST",
            "/v3/suppliers/88/importProducts",
            """
            {
              "url": "https://files.example/catalog.csv", "file_type": "csv",
              "schema": [
                { "source_field": "Item", "destination_field": "sku" },
                { "source_field": "Name", "destination_field": "title", "string_transformer": "capitalize-first" },
                { "source_field": "Cost", "destination_field": "wholesale_price", "math_transformer": "*0.5" },
                { "source_field": "Pictures", "destination_field": "images", "split_by_character": "|" }
              ]
            }
            """),
        ["I-5 update"] = (
            api => api.UpdateVariantAsync(Supplier, 5, new VariantRequest { RetailPrice = 24.9m, Title = "Tee, red" }),
            "PUT",
            "/v3/suppliers/88/variants/5",
            """{"retail_price":24.9,"title":"Tee, red"}"""),
        ["I-6 bulk prices by SKU"] = (
            api => api.UpdateVariantsAsync(Supplier, BulkPrices),
            "PUT",
            "/v3/suppliers/88/variants",
            """
            [
              { "sku": "TEE-RED-M", "retail_price": 29.9, "special_sale_price": 19.9,
                "special_sale_price_start": "2024-11-29T00:00:00+00:00", "special_sale_price_end": "2024-12-02T00:00:00+00:00" },
              { "sku": "TEE-RED-L", "wholesale_price": 13 }
            ]
            """),
        ["I-7 publish"] = (
            api => api.PublishToRetailerAsync(Supplier, 7, VariantPublication.Publish(11, 12)),
            "PUT",
            "/v3/suppliers/88/retailers/7/variants",
            """{"variant_ids":[11,12],"published":true}"""),
        ["I-7 unpublish"] = (
            api => api.PublishToRetailerAsync(Supplier, 7, VariantPublication.Unpublish(12)),
            "PUT",
            "/v3/suppliers/88/retailers/7/variants",
            """{"variant_ids":[12],"published":false}"""),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Request_IsWhatTheNotesSay(string name)
    {
        var (call, method, pathAndQuery, body) = Cases[name];
        await ApiAssert.SendsAsync(call, method, pathAndQuery, body);
    }

    [Fact]
    public void EveryMethodOfTheInterface_HasACase() => ApiAssert.CoverEveryEndpoint<ISupplierCatalogApi>(Cases.Keys);
}
