using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Cymbio;
using Refit;

namespace Samples.Aggregates;

public enum Sort
{
    Newest,
    Oldest = 5,
}

public sealed class Fulfillment
{
    public long Id { get; set; }
}

/// <summary>A fixed body: the wrapper sends <see cref="Instance"/>.</summary>
public sealed class NoBody
{
    public static NoBody Instance { get; } = new();
}

/// <summary>A base interface: its method is inherited by <see cref="ISupplierOrdersApi"/>.</summary>
public interface IChannelsBase
{
    [Get("/v3/suppliers/{supplierId}/channels")]
    [CymbioScope(CymbioScopes.ReadChannels)]
    Task<string> ListChannelsAsync(long supplierId, int? limit = null, CancellationToken cancellationToken = default);
}

[CymbioScope(CymbioScopes.ReadOrders)]
public interface ISupplierOrdersApi : IChannelsBase
{
    /// <summary>Lists the fulfillments.</summary>
    /// <param name="supplierId">The supplier.</param>
    /// <param name="sort">The order.</param>
    /// <param name="state">The state.</param>
    /// <param name="limit">The page size.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The fulfillments.</returns>
    [Get("/v3/suppliers/{supplierId}/fulfillments")]
    [CymbioEndpoint("C-1", CymbioEvidence.Confirmed, "S5 S9")]
    Task<IReadOnlyList<Fulfillment>> ListAsync(long supplierId, Sort sort = Sort.Oldest, string state = "new \"open\"", int? limit = 50, CancellationToken cancellationToken = default);

    [Put("/v3/suppliers/{supplierId}/fulfillments/{id}/setStatus/accepted")]
    [CymbioScope(CymbioScopes.WriteFulfillments)]
    Task AcceptAsync(long supplierId, long id, [Body] NoBody body, CancellationToken cancellationToken = default);

    [Put("/v3/suppliers/{supplierId}/fulfillments/{id}")]
    [CymbioScope(CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments)]
    Task UpdateAsync(long supplierId, long id, [Body] Fulfillment update);

    [Get("/v3/fulfillments/{id}")]
    Task<Fulfillment> GetByIdAsync(long id);

    [Get("/v3/suppliers/{supplierId}/fulfillments/{id}")]
    Task<T> GetAsync<T>(long supplierId, long id)
        where T : class, new();
}

public interface IOrdersApi
{
    [Get("/health")]
    [CymbioNoScope]
    Task<string> PingAsync(CancellationToken cancellationToken = default);

    [Get("/v3/suppliers/{supplierId}/status")]
    Task<string> StatusAsync(long supplierId);
}

/// <summary>Both interfaces' properties would be <c>Orders</c>.</summary>
[CymbioAggregate(CymbioAccount.Supplier, typeof(ISupplierOrdersApi), typeof(IOrdersApi))]
public sealed partial class SupplierClient
{
}

[CymbioScope(CymbioScopes.ReadInventory)]
public interface IStockApi
{
    [Get("/v3/suppliers/{sid}/inventory")]
    Task<string> ListAsync(long sid, long supplierId);
}

/// <summary>Binds <c>sid</c>, not <c>supplierId</c>.</summary>
[CymbioAggregate(CymbioAccount.Supplier, typeof(IStockApi), AccountParameter = "sid")]
public partial class StockClient
{
}

[CymbioScope(CymbioScopes.ReadChannels)]
public interface IPublicChannelsApi
{
    [Get("/v3/channels")]
    Task<string> ListAsync(long supplierId);
}

/// <summary>Binds nothing: <c>supplierId</c> stays a parameter.</summary>
[CymbioAggregate(CymbioAccount.None, typeof(IPublicChannelsApi))]
public sealed partial class ChannelsClient
{
}

public static partial class Outer
{
    /// <summary>Nested in a partial class.</summary>
    [CymbioAggregate(CymbioAccount.Retailer, typeof(IRetailerOrdersApi))]
    public sealed partial class RetailerClient
    {
        private static RefitSettings CreateRefitSettings() => new();
    }
}

[CymbioScope(CymbioScopes.WriteOrders)]
public interface IRetailerOrdersApi
{
    [Post("/v3/retailers/{retailerId}/orders")]
    Task<string> CreateAsync(long retailerId, [Body] Fulfillment order);
}

[CymbioScope(CymbioScopes.ReadWarehouses)]
internal interface IWarehousesApi
{
    [Get("/v3/suppliers/{supplierId}/warehouses")]
    Task<string> ListAsync(long supplierId);
}

/// <summary>A public aggregate over an internal interface: its property and nested client are internal.</summary>
[CymbioAggregate(CymbioAccount.Supplier, typeof(IWarehousesApi))]
public sealed partial class WarehousesClient
{
}
