using System.Threading.Tasks;
using Refit;

namespace Cymbio.Client.Tests.Apis;

/// <summary>A scoped base interface.</summary>
[Cymbio.CymbioScope(Cymbio.CymbioScopes.ReadVariants)]
public interface IBase
{
    [Get("/v3/variants/{id}")]
    Task<Resource> GetVariantAsync(long id);

    [Post("/v3/variants")]
    [Cymbio.CymbioScope(Cymbio.CymbioScopes.WriteVariants)]
    Task CreateVariantAsync([Body] Resource variant);
}

/// <summary>Declares no scopes itself: its table holds only what it inherits from <see cref="IBase"/>.</summary>
public interface IDerived : IBase
{
}

/// <summary>Two levels down, still without an attribute.</summary>
public interface IGrandchild : IDerived
{
}

/// <summary>
/// Has its own interface-level default: it applies to its own methods, while inherited methods keep the requirement
/// of the interface that declares them.
/// </summary>
[Cymbio.CymbioScope(Cymbio.CymbioScopes.ReadWarehouses)]
public interface IDerivedWithOwnScope : IBase
{
    [Get("/v3/warehouses")]
    Task<Resource> ListWarehousesAsync();
}
