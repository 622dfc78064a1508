using Cymbio.Api.Suppliers;
using Refit;

namespace Cymbio.Api;

/// <summary>
/// Everything a supplier does on Cymbio, with the supplier id bound from <see cref="CymbioClientOptions.SupplierId"/>:
/// <c>cymbio.Supplier.Fulfillments.ListAsync()</c>. Each method declares, in <c>[CymbioScope]</c>, the scopes of the
/// endpoint it calls, so a call the grants do not cover is a build warning at the call.
/// </summary>
/// <remarks>
/// Implemented by Cymbio's generator. Get it from <c>cymbio.Supplier</c> (a <see cref="CymbioClient"/>) or, with
/// dependency injection, register it with <c>services.AddCymbio(…).AddSupplier()</c> and inject it.
/// </remarks>
[CymbioAggregate(
    CymbioAccount.Supplier,
    typeof(ISupplierFulfillmentsApi),
    typeof(ISupplierProfileApi),
    typeof(ISupplierCatalogApi),
    typeof(ISupplierWarehousesApi),
    typeof(ISupplierInventoryApi),
    typeof(IChannelsApi))]
public sealed partial class CymbioSupplierClient
{
    private static RefitSettings CreateRefitSettings() => CymbioApi.CreateRefitSettings();
}
