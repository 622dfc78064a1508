using Cymbio.Api.Retailers;
using Refit;

namespace Cymbio.Api;

/// <summary>
/// Everything a retailer does on Cymbio, with the retailer id bound from <see cref="CymbioClientOptions.RetailerId"/>:
/// <c>cymbio.Retailer.Orders.CreateAsync(order)</c>. Each method declares, in <c>[CymbioScope]</c>, the scopes of the
/// endpoint it calls, so a call the grants do not cover is a build warning at the call.
/// </summary>
/// <remarks>
/// Implemented by Cymbio's generator. Get it from <c>cymbio.Retailer</c> (a <see cref="CymbioClient"/>) or, with
/// dependency injection, register it with <c>services.AddCymbio(…).AddRetailer()</c> and inject it.
/// </remarks>
[CymbioAggregate(
    CymbioAccount.Retailer,
    typeof(IRetailerCatalogApi),
    typeof(IRetailerOrdersApi),
    typeof(IRetailerInventoryApi),
    typeof(IRetailerProfileApi))]
public sealed partial class CymbioRetailerClient
{
    private static RefitSettings CreateRefitSettings() => CymbioApi.CreateRefitSettings();
}
