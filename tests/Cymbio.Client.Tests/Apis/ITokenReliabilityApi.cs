using System.Threading.Tasks;
using Refit;

namespace Cymbio.Client.Tests.Apis;

/// <summary>The Refit interface of the token reliability tests (docs/reliability.md A–C): one operation per scope set of scenario A3.</summary>
[CymbioScope(CymbioScopes.ReadOrders)]
public interface ITokenReliabilityApi
{
    /// <summary>Needs <c>read:orders</c>.</summary>
    [Get("/reliability/orders")]
    Task ReadOrdersAsync();

    /// <summary>Needs <c>write:inventory</c>.</summary>
    [Put("/reliability/inventory")]
    [CymbioScope(CymbioScopes.WriteInventory)]
    Task WriteInventoryAsync();

    /// <summary>Needs <c>read:orders write:inventory</c>.</summary>
    [Post("/reliability/orders-and-inventory")]
    [CymbioScope(CymbioScopes.ReadOrders, CymbioScopes.WriteInventory)]
    Task ReadOrdersAndWriteInventoryAsync();
}
