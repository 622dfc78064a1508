using System.Threading.Tasks;
using Cymbio;
using Refit;

[CymbioScope(CymbioScopes.ReadVariants)]
public interface IGlobalVariantsApi
{
    [Get("/v3/variants/{id}")]
    Task<string> GetVariantAsync(long id);
}

namespace Samples.Shapes
{
    [CymbioScope(CymbioScopes.ReadWarehouses)]
    public interface IRepository<TItem> where TItem : class
    {
        [Get("/v3/suppliers/{supplierId}/warehouses")]
        Task<TItem[]> ListAsync(long supplierId);

        [Get("/v3/suppliers/{supplierId}/warehouses/{id}")]
        Task<TItem> GetAsync<TKey>(long supplierId, TKey id);
    }

    public static class Outer
    {
        internal interface INestedApi
        {
            [Get("/v3/suppliers/{supplierId}")]
            [CymbioScope(CymbioScopes.ReadSuppliers)]
            Task<string> GetSupplierAsync(long supplierId);
        }
    }

    [CymbioScope(CymbioScopes.ReadRetailers)]
    internal partial interface IInternalApi
    {
        [Get("/v3/retailers/{retailerId}")]
        Task<string> GetRetailerAsync(long retailerId);
    }

    internal partial interface IInternalApi
    {
        [Put("/v3/retailers/{retailerId}")]
        [CymbioScope(CymbioScopes.WriteRetailers)]
        Task UpdateRetailerAsync(long retailerId, [Body] object retailer);
    }
}
