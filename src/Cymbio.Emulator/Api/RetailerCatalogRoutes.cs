using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Cymbio.Api;
using Cymbio.Api.Retailers;

namespace Cymbio.Emulator;

/// <summary>
/// The retailer's catalogue (docs/cymbio-api.md C-20): product-level objects, one per supplier and model, built from
/// the variants the retailer's connected suppliers published to it for the service type asked for (default
/// <c>ecommerce</c>), with the price ranges, the available inventory summed over the variants, and the variant ids.
/// </summary>
internal static class RetailerCatalogRoutes
{
    public static void Register(Dictionary<string, RouteHandler> handlers) =>
        handlers.Add("GET", "/v3/retailers/{retailerId}/variants", ListProductsAsync);

    private static Task ListProductsAsync(EmulatorCall call)
    {
        var retailer = call.Id("retailerId");
        var serviceType = call.Query("service_type");
        if (serviceType is not null && string.IsNullOrWhiteSpace(serviceType))
        {
            throw EmulatorRequestException.BadRequest("The query parameter service_type must not be blank.");
        }

        serviceType ??= ServiceTypes.Ecommerce;
        var products = call.Data.Locked(() =>
        {
            var suppliers = call.Data.Connections
                .Where(c => c.RetailerId == retailer && string.Equals(c.ServiceType, serviceType, StringComparison.OrdinalIgnoreCase))
                .Select(static c => c.SupplierId)
                .ToHashSet();
            return call.Data.VariantRecords.Values
                .Where(v => v.SupplierId is { } s && suppliers.Contains(s) && call.Data.IsVisibleTo(retailer, v))
                .GroupBy(static v => (v.SupplierId, v.Model))
                .Select(group =>
                {
                    var variants = group.ToArray();
                    var first = variants[0];
                    return new RetailerProduct
                    {
                        Model = first.Model,
                        Title = first.Title,
                        Description = first.Description,
                        DescriptionExtra = first.DescriptionExtra,
                        DescriptionBullets = first.Properties?.Select(static p => $"{p.Type}: {p.Value}").ToArray() ?? [],
                        Images = variants.SelectMany(static v => v.Images ?? []).Distinct(StringComparer.Ordinal).ToArray(),
                        SpecialSalePriceStart = variants.Select(static v => v.SpecialSalePriceStart).FirstOrDefault(static d => d is not null),
                        SpecialSalePriceEnd = variants.Select(static v => v.SpecialSalePriceEnd).FirstOrDefault(static d => d is not null),
                        AvailableInventory = variants.Sum(call.Data.Available),
                        RetailersCount = call.Data.Publications.Where(p => variants.Any(v => v.Id == p.VariantId)).Select(static p => p.RetailerId).Distinct().Count(),
                        RetailPriceMin = variants.Min(static v => v.RetailPrice),
                        RetailPriceMax = variants.Max(static v => v.RetailPrice),
                        WholesalePriceMin = variants.Min(static v => v.WholesalePrice),
                        WholesalePriceMax = variants.Max(static v => v.WholesalePrice),
                        Variants = variants.Select(static v => v.Id).ToArray(),
                    };
                })
                .ToArray();
        });
        return call.OkProjectedAsync(call.Page(products), CymbioApiJsonContext.Default.IReadOnlyListRetailerProduct);
    }
}
