using System.Threading.Tasks;
using Cymbio;
using Refit;

namespace Samples.Retailer;

[CymbioScope(CymbioScopes.ReadOrders)]
public interface IOrdersApi
{
    [Get("/v3/retailers/{retailerId}/orders")]
    Task<string> ListOrdersAsync(long retailerId, [Query] string? filter = null);

    [Post("/v3/retailers/{retailerId}/orders")]
    [CymbioScope(CymbioScopes.WriteOrders)]
    Task<string> CreateOrderAsync(long retailerId, [Body] object order);
}

public interface IVariantsApi
{
    [Get("/v3/retailers/{retailerId}/variants?service_type=ecommerce")]
    [CymbioScope(CymbioScopes.ReadVariants)]
    Task<string> ListVariantsAsync(long retailerId);
}

public interface IRetailerApi : IOrdersApi, IVariantsApi, System.IDisposable
{
}
