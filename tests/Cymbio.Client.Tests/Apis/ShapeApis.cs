using System.Threading.Tasks;
using Refit;

namespace Cymbio.Client.Tests.Apis;

/// <summary>A generic scoped interface: one table for every constructed form.</summary>
[Cymbio.CymbioScope(Cymbio.CymbioScopes.ReadInventory)]
public interface IRepo<T>
{
    [Get("/v3/items/{id}")]
    Task<T> GetAsync(long id);

    [Post("/v3/items")]
    [Cymbio.CymbioScope(Cymbio.CymbioScopes.WriteInventory)]
    Task AddAsync([Body] T item);
}

/// <summary>Inherits a constructed generic interface and declares nothing itself.</summary>
public interface IResourceRepo : IRepo<Resource>
{
}

/// <summary>Holds a nested scoped interface.</summary>
public static class Outer
{
    [Cymbio.CymbioScope(Cymbio.CymbioScopes.ReadRetailers)]
    public interface IApi
    {
        [Get("/v3/retailers")]
        Task<Resource> ListRetailersAsync();

        [Post("/v3/retailers")]
        [Cymbio.CymbioScope(Cymbio.CymbioScopes.WriteRetailers)]
        Task CreateRetailerAsync([Body] Resource retailer);
    }
}

/// <summary>An internal scoped interface: its table is internal too.</summary>
[Cymbio.CymbioScope(Cymbio.CymbioScopes.ReadWarehouses)]
internal interface IInternalWarehousesApi
{
    [Get("/v3/warehouses/{id}")]
    Task<Resource> GetWarehouseAsync(long id);

    [Put("/v3/warehouses/{id}")]
    [Cymbio.CymbioScope(Cymbio.CymbioScopes.WriteWarehouses)]
    Task UpdateWarehouseAsync(long id, [Body] Resource warehouse);
}

/// <summary>No interface-level attribute: every method declares its own requirement.</summary>
public interface ISuppliersApi
{
    [Get("/v3/suppliers/{id}")]
    [Cymbio.CymbioScope(Cymbio.CymbioScopes.ReadSuppliers)]
    Task<Resource> GetSupplierAsync(long id);

    [Post("/v3/suppliers")]
    [Cymbio.CymbioScope(Cymbio.CymbioScopes.WriteSuppliers)]
    Task CreateSupplierAsync([Body] Resource supplier);
}

/// <summary>A Refit interface without any scope: no table is generated for it.</summary>
public interface IUnscopedApi
{
    [Get("/ping")]
    Task<Resource> PingAsync();
}

/// <summary>Overloads that agree on name, HTTP method, route and scopes: nothing to tell apart, nothing to merge.</summary>
[Cymbio.CymbioScope(Cymbio.CymbioScopes.ReadOrders)]
public interface ISameScopeOverloadsApi
{
    [Get("/v3/orders/{id}")]
    Task<Resource> FindAsync(long id);

    [Get("/v3/orders/{id}")]
    Task<Resource> FindAsync(string id);
}

/// <summary>Overloads that agree on name, HTTP method and route but not on scopes.</summary>
[Cymbio.CymbioScope(Cymbio.CymbioScopes.ReadVariants)]
public interface IAmbiguousApi
{
    // CYM0009 is the point of this interface: the runtime cannot tell these overloads apart (same name, GET, same
    // route), so it must require the union of their scopes. The warning is suppressed here, deliberately, so that
    // the fail-closed behaviour can be tested; real APIs should give such overloads distinct routes.
#pragma warning disable CYM0009
    [Get("/v3/variants/{id}")]
    Task<Resource> FindAsync(long id);

    [Get("/v3/variants/{id}")]
    [Cymbio.CymbioScope(Cymbio.CymbioScopes.ReadInventory)]
    Task<Resource> FindAsync(string id);
#pragma warning restore CYM0009
}

/// <summary>
/// Overloads of <c>GetAsync</c> with different scopes get numbered members in the generated table
/// (<c>GetAsync_1</c>, <c>GetAsync_2</c>); a third method here is itself named <c>GetAsync_1</c>. See
/// <c>CymbioScopeRegistryTests.MethodNamedLikeANumberedOverloadMember_KeepsItsOwnScopes</c>.
/// </summary>
[Cymbio.CymbioScope(Cymbio.CymbioScopes.ReadOrders)]
public interface ICollidingMemberNamesApi
{
    [Get("/v3/orders/{id}")]
    Task<Resource> GetAsync(long id);

    [Get("/v3/orders/by-number/{number}")]
    [Cymbio.CymbioScope(Cymbio.CymbioScopes.ReadOrders, Cymbio.CymbioScopes.ReadRetailers)]
    Task<Resource> GetAsync(string number);

    [Get("/v3/inventory")]
    [Cymbio.CymbioScope(Cymbio.CymbioScopes.ReadInventory)]
    Task<Resource> GetAsync_1();
}
