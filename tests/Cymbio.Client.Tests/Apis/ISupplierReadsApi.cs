using System.Threading.Tasks;
using Refit;

namespace Cymbio.Client.Tests.Apis;

/// <summary>
/// Three reads of the emulator, each needing its own scope: the <see cref="CymbioScopeStrategy.Required"/> tests call
/// some inside the derived set and one outside it, and every call answers 200 however often it is made.
/// </summary>
[CymbioScope(CymbioScopes.ReadOrders)]
public interface ISupplierReadsApi
{
    [Get("/v3/suppliers/{supplierId}/fulfillments")]
    Task<string> FulfillmentsAsync(long supplierId);

    [Get("/v3/suppliers/{supplierId}/inventory")]
    [CymbioScope(CymbioScopes.ReadInventory)]
    Task<string> InventoryAsync(long supplierId);

    [Get("/v3/suppliers/{supplierId}/warehouses")]
    [CymbioScope(CymbioScopes.ReadWarehouses)]
    Task<string> WarehousesAsync(long supplierId);
}
