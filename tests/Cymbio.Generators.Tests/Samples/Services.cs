using System.Threading.Tasks;
using Cymbio;
using Refit;

[assembly: CymbioGrants(CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments)]

namespace Samples.Services;

[CymbioScope(CymbioScopes.ReadInventory)]
public interface IInventoryApi
{
    [Get("/v3/suppliers/{supplierId}/inventory")]
    Task<string> ReadAsync(long supplierId, [Query] string? filter = null);

    [Put("/v3/suppliers/{supplierId}/warehouses/{warehouseId}/inventory")]
    [CymbioScope(CymbioScopes.WriteInventory)]
    Task PushAsync(long supplierId, long warehouseId, [Body] object levels);
}

[CymbioGrants(CymbioScopes.ReadInventory, CymbioScopes.WriteInventory)]
public sealed class InventorySync
{
    private readonly IInventoryApi _api;

    public InventorySync(IInventoryApi api) => _api = api;

    [CymbioScope(CymbioScopes.ReadInventory, CymbioScopes.WriteInventory)]
    public async Task<int> RunAsync(long supplierId)
    {
        var levels = await _api.ReadAsync(supplierId);
        await _api.PushAsync(supplierId, 1, new { levels });
        return levels.Length;
    }
}
