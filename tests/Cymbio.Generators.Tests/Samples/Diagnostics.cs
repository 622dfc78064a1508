using System.Threading.Tasks;
using Cymbio;
using Refit;

namespace Samples.Diagnostics;

[CymbioScope("read:order")]
public interface IWarehousesApi
{
    [Get("/v3/suppliers/{supplierId}/warehouses")]
    [CymbioScope(CymbioScopes.WriteWarehouses)]
    Task<string> ListAsync(long supplierId);

    [Post("/v3/suppliers/{supplierId}/warehouses")]
    [CymbioScope(CymbioScopes.ReadWarehouses)]
    Task CreateAsync(long supplierId);

    [Put("/v3/suppliers/{supplierId}/warehouses/{id}")]
    [CymbioScope(CymbioScopes.WriteWarehouses)]
    Task UpdateAsync(long supplierId, long id);

    [Put("/v3/suppliers/{supplierId}/warehouses/{id}")]
    [CymbioScope(CymbioScopes.WriteWarehouses, CymbioScopes.WriteInventory)]
    Task UpdateAsync(long supplierId, long id, [Body] object body);

    [CymbioScope(CymbioScopes.ReadWarehouses)]
    Task HelperAsync();
}
