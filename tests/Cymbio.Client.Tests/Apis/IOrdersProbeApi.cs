using System.IO;
using System.Threading.Tasks;
using Refit;

namespace Cymbio.Client.Tests.Apis;

/// <summary>Operations for the handler, transport and secrets scenarios (docs/reliability.md D, E, F).</summary>
[CymbioScope(CymbioScopes.ReadOrders)]
public interface IOrdersProbeApi
{
    [Get("/v3/orders")]
    Task<string> ListOrdersAsync();

    [Get("/v3/orders/{id}")]
    Task<string> GetOrderAsync(long id);

    [Post("/v3/inventory")]
    [CymbioScope(CymbioScopes.WriteInventory)]
    Task<string> AdjustInventoryAsync([Body] InventoryAdjustment adjustment);

    // The same operation, marked idempotent by the caller.
    [Post("/v3/inventory")]
    [CymbioScope(CymbioScopes.WriteInventory)]
    Task<string> AdjustInventoryAsync([Body] InventoryAdjustment adjustment, [Header(CymbioResilience.IdempotencyKeyHeader)] string idempotencyKey);

    // Refit sends a Stream body as StreamContent.
    [Post("/v3/inventory/feed")]
    [CymbioScope(CymbioScopes.WriteInventory)]
    Task<string> UploadInventoryFeedAsync([Body] Stream feed);

    // An absolute URL supplied per call: may point anywhere.
    [Get("")]
    Task<string> FetchAsync([Url] string url);
}
