using System.Threading.Tasks;
using Refit;

namespace Cymbio.Client.Tests.Apis;

/// <summary>Operations for the scope scenarios (docs/reliability.md G): one per scope set the runtime must ask for.</summary>
[CymbioScope(CymbioScopes.ReadOrders)]
public interface ILeastPrivilegeApi
{
    [Get("/orders")]
    Task<string> ListOrdersAsync();

    [Get("/v3/orders/{id}")]
    Task<string> GetOrderAsync(long id);

    [Get("/v3/inventory/{sku}")]
    [CymbioScope(CymbioScopes.ReadInventory)]
    Task<string> GetInventoryAsync(string sku);

    [Post("/v3/inventory")]
    [CymbioScope(CymbioScopes.WriteInventory)]
    Task<string> AdjustInventoryAsync([Body] InventoryAdjustment adjustment);

    [Post("/v3/orders/{id}/reservations")]
    [CymbioScope(CymbioScopes.ReadOrders, CymbioScopes.WriteInventory)]
    Task<string> ReserveAsync(long id, [Body] InventoryAdjustment adjustment);

    [Put("/v3/warehouses/{id}")]
    [CymbioScope(CymbioScopes.WriteWarehouses)]
    Task<string> UpdateWarehouseAsync(long id, [Body] InventoryAdjustment warehouse);
}
