using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Cymbio.Api;
using Cymbio.Api.Suppliers;
using Microsoft.AspNetCore.Http;

namespace Cymbio.Emulator;

/// <summary>
/// The supplier's catalogue (docs/cymbio-api.md C-16…C-19, I-5…I-7): variants (list, create, update one, bulk update
/// keyed by sku), publication to a connected retailer, one variant by id, and product imports. Skus are unique per
/// supplier (409 when taken). A new variant is published to no retailer until the supplier publishes it.
/// </summary>
internal static class SupplierCatalogRoutes
{
    private const string Variants = "/v3/suppliers/{supplierId}/variants";

    private static readonly string[] DestinationFields =
    [
        ImportDestinationFields.Model, ImportDestinationFields.Sku, ImportDestinationFields.Title, ImportDestinationFields.Description,
        ImportDestinationFields.DescriptionExtra, ImportDestinationFields.Images, ImportDestinationFields.Upc, ImportDestinationFields.Gtin,
        ImportDestinationFields.Weight, ImportDestinationFields.Price, ImportDestinationFields.WholesalePrice, ImportDestinationFields.Option,
        ImportDestinationFields.Property,
    ];

    private static readonly string[] StringTransformers =
        [ImportStringTransformers.Uppercase, ImportStringTransformers.Capitalize, ImportStringTransformers.CapitalizeFirst, ImportStringTransformers.Lowercase];

    public static void Register(Dictionary<string, RouteHandler> handlers)
    {
        handlers.Add("GET", Variants, ListAsync);
        handlers.Add("POST", Variants, CreateAsync);
        handlers.Add("PUT", Variants + "/{variantId}", UpdateAsync);
        handlers.Add("PUT", Variants, UpdateManyAsync);
        handlers.Add("PUT", "/v3/suppliers/{supplierId}/retailers/{retailerId}/variants", PublishAsync);
        handlers.Add("GET", "/v3/variants/{variantId}", GetAsync);
        handlers.Add("POST", "/v3/suppliers/{supplierId}/importProducts", ImportAsync);
    }

    private static Task ListAsync(EmulatorCall call)
    {
        var supplier = call.Id("supplierId");
        var variants = call.Data.Locked(() => call.Data.VariantRecords.Values.Where(v => v.SupplierId == supplier).Select(call.Data.WithInventory).ToArray());
        return call.OkProjectedAsync(call.Page(variants), CymbioApiJsonContext.Default.IReadOnlyListVariant);
    }

    private static async Task CreateAsync(EmulatorCall call)
    {
        var request = await call.BodyAsync(CymbioApiJsonContext.Default.VariantRequest).ConfigureAwait(false);
        var sku = RouteChecks.Required(request.Sku, "sku");
        RouteChecks.Required(request.Model, "model");
        RouteChecks.Required(request.Title, "title");
        if (request.RetailPrice is null)
        {
            throw EmulatorRequestException.BadRequest("The field retail_price is required.");
        }

        if (request.Images is not { Count: > 0 } images || images.Any(string.IsNullOrWhiteSpace))
        {
            throw EmulatorRequestException.BadRequest("The field images needs at least one image URL.");
        }

        CheckContent(request);
        var supplier = call.Id("supplierId");
        var variant = call.Data.Locked(() =>
        {
            RequireFreeSku(call.Data, supplier, sku, exceptVariant: null);
            var created = Merge(new Variant { Id = call.Data.NextId(), SupplierId = supplier, CreatedAt = call.Now }, request) with { UpdatedAt = call.Now };
            call.Data.VariantRecords[created.Id] = created;
            return call.Data.WithInventory(created);
        });
        await call.OkAsync(variant, CymbioApiJsonContext.Default.Variant, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private static async Task UpdateAsync(EmulatorCall call)
    {
        var request = await call.BodyAsync(CymbioApiJsonContext.Default.VariantRequest).ConfigureAwait(false);
        CheckContent(request);
        var supplier = call.Id("supplierId");
        var id = call.Id("variantId");
        call.Data.Locked(() =>
        {
            var variant = call.Data.FindVariant(supplier, id) ?? throw EmulatorRequestException.NotFound($"Supplier {supplier} has no variant {id}.");
            if (request.Sku is { } sku)
            {
                RequireFreeSku(call.Data, supplier, sku, exceptVariant: id);
            }

            call.Data.VariantRecords[id] = Merge(variant, request) with { UpdatedAt = call.Now };
            return 0;
        });
        await call.SuccessAsync($"Variant {id} updated.").ConfigureAwait(false);
    }

    private static async Task UpdateManyAsync(EmulatorCall call)
    {
        var requests = await call.BodyAsync(CymbioApiJsonContext.Default.VariantRequestArray).ConfigureAwait(false);
        RouteChecks.NotEmpty(requests, "variants");
        foreach (var request in requests)
        {
            RouteChecks.Required(request?.Sku, "sku");
            CheckContent(request!);
        }

        var supplier = call.Id("supplierId");
        call.Data.Locked(() =>
        {
            // Every sku must be known before any variant changes.
            var targets = requests.Select(r => call.Data.VariantRecords.Values.FirstOrDefault(v => v.SupplierId == supplier && v.Sku == r.Sku)
                ?? throw EmulatorRequestException.BadRequest($"Supplier {supplier} has no variant with sku {EmulatorText.Printable(r.Sku)}.")).ToArray();
            for (var i = 0; i < requests.Length; i++)
            {
                var current = call.Data.VariantRecords[targets[i].Id];
                call.Data.VariantRecords[current.Id] = Merge(current, requests[i]) with { UpdatedAt = call.Now };
            }

            return 0;
        });
        await call.SuccessAsync($"{requests.Length} variant(s) updated.").ConfigureAwait(false);
    }

    private static async Task PublishAsync(EmulatorCall call)
    {
        var publication = await call.BodyAsync(CymbioApiJsonContext.Default.VariantPublication).ConfigureAwait(false);
        var ids = RouteChecks.NotEmpty(publication.VariantIds, "variant_ids");
        var supplier = call.Id("supplierId");
        var retailer = call.Id("retailerId");
        call.Data.Locked(() =>
        {
            if (!call.Data.IsConnected(supplier, retailer))
            {
                throw EmulatorRequestException.NotFound($"Supplier {supplier} is not connected to retailer {retailer}.");
            }

            if (ids.FirstOrDefault(id => call.Data.FindVariant(supplier, id) is null) is var unknown and not 0)
            {
                throw EmulatorRequestException.BadRequest($"Supplier {supplier} has no variant {unknown}.");
            }

            foreach (var id in ids)
            {
                _ = publication.Published ? call.Data.Publications.Add((retailer, id)) : call.Data.Publications.Remove((retailer, id));
            }

            return 0;
        });
        await call.SuccessAsync($"{ids.Distinct().Count()} variant(s) {(publication.Published ? "published to" : "unpublished from")} retailer {retailer}.").ConfigureAwait(false);
    }

    private static Task GetAsync(EmulatorCall call)
    {
        var id = call.Id("variantId");
        var variant = call.Data.Locked(() =>
        {
            var found = call.Data.VariantRecords.GetValueOrDefault(id);
            return found is null ? null
                : call.Caller.SupplierId is { } supplier ? (found.SupplierId == supplier ? call.Data.WithInventory(found) : null)
                : call.Caller.RetailerId is { } retailer && call.Data.IsVisibleTo(retailer, found) ? found
                : null;
        }) ?? throw EmulatorRequestException.NotFound($"No variant {id}.");
        return call.OkProjectedAsync(variant, CymbioApiJsonContext.Default.Variant);
    }

    private static async Task ImportAsync(EmulatorCall call)
    {
        var request = await call.BodyAsync(CymbioApiJsonContext.Default.ProductImportRequest).ConfigureAwait(false);
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw EmulatorRequestException.BadRequest("The field url must be an absolute http or https URL.");
        }

        if (!string.Equals(request.FileType, ImportFileTypes.Csv, StringComparison.Ordinal))
        {
            throw EmulatorRequestException.BadRequest($"Unknown file_type '{EmulatorText.Printable(request.FileType)}'; use csv.");
        }

        foreach (var field in RouteChecks.NotEmpty(request.Schema, "schema"))
        {
            RouteChecks.Required(field?.SourceField, "schema.source_field");
            if (!DestinationFields.Contains(field!.DestinationField, StringComparer.Ordinal))
            {
                throw EmulatorRequestException.BadRequest($"Unknown destination_field '{EmulatorText.Printable(field.DestinationField)}'.");
            }

            if (field.StringTransformer is { } transformer && !StringTransformers.Contains(transformer, StringComparer.Ordinal))
            {
                throw EmulatorRequestException.BadRequest($"Unknown string_transformer '{EmulatorText.Printable(transformer)}'.");
            }
        }

        // The emulator fetches nothing: the import is accepted, as Cymbio accepts it before processing the file.
        await call.SuccessAsync($"Import of {request.Schema.Count} field(s) from {EmulatorText.Printable(url.Host)} queued.").ConfigureAwait(false);
    }

    private static void CheckContent(VariantContent request)
    {
        RouteChecks.NotBlank(request.Sku, "sku");
        RouteChecks.NotNegative(request.RetailPrice, "retail_price");
        RouteChecks.NotNegative(request.WholesalePrice, "wholesale_price");
        RouteChecks.NotNegative(request.SpecialSalePrice, "special_sale_price");
        RouteChecks.NotNegative(request.Weight, "weight");
        if (request.Options?.FirstOrDefault(static o => o is null || o.Type is not (VariantOptionTypes.Color or VariantOptionTypes.Size or VariantOptionTypes.Width)) is { } option)
        {
            throw EmulatorRequestException.BadRequest($"Unknown option type '{EmulatorText.Printable(option.Type)}'; use color, size or width.");
        }

        if (request.SpecialSalePriceStart > request.SpecialSalePriceEnd)
        {
            throw EmulatorRequestException.BadRequest("The special_sale_price_start must not be after special_sale_price_end.");
        }
    }

    private static void RequireFreeSku(EmulatorData data, long supplier, string sku, long? exceptVariant)
    {
        if (data.VariantRecords.Values.FirstOrDefault(v => v.SupplierId == supplier && v.Id != exceptVariant && v.Sku == sku) is { } taken)
        {
            throw EmulatorRequestException.Conflict($"Supplier {supplier} has a variant with sku {EmulatorText.Printable(sku)} already ({taken.Id}).");
        }
    }

    private static Variant Merge(Variant variant, VariantContent request) => variant with
    {
        Sku = request.Sku ?? variant.Sku,
        Model = request.Model ?? variant.Model,
        RetailPrice = request.RetailPrice ?? variant.RetailPrice,
        WholesalePrice = request.WholesalePrice ?? variant.WholesalePrice,
        Title = request.Title ?? variant.Title,
        Description = request.Description ?? variant.Description,
        DescriptionExtra = request.DescriptionExtra ?? variant.DescriptionExtra,
        Gtin = request.Gtin ?? variant.Gtin,
        Upc = request.Upc ?? variant.Upc,
        Ean = request.Ean ?? variant.Ean,
        Weight = request.Weight ?? variant.Weight,
        Images = request.Images ?? variant.Images,
        Properties = request.Properties ?? variant.Properties,
        Options = request.Options ?? variant.Options,
        SpecialSalePrice = request.SpecialSalePrice ?? variant.SpecialSalePrice,
        SpecialSalePriceStart = request.SpecialSalePriceStart ?? variant.SpecialSalePriceStart,
        SpecialSalePriceEnd = request.SpecialSalePriceEnd ?? variant.SpecialSalePriceEnd,
    };
}
