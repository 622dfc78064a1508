using System.Threading.Tasks;
using Refit;

namespace Cymbio.Client.Tests.Apis;

// Issue 8: interfaces through which an operation used to need less than through the interface that declares it.
// The generator reports CYM0008 for the deliberately undeclared ones; the pragmas keep this project's build clean.

/// <summary>Declares no scopes: only a derived interface gives its operation a requirement.</summary>
public interface IChainBaseApi
{
    [Get("/v3/chain/items")]
    Task<string> ListAsync();
}

/// <summary>The nearest default on the way from <see cref="IChainBaseApi"/>.</summary>
[CymbioScope(CymbioScopes.ReadVariants)]
public interface IChainMidApi : IChainBaseApi;

/// <summary>Un-annotated: <c>ListAsync</c> still needs <c>read:variants</c>, as through <see cref="IChainMidApi"/>.</summary>
public interface IChainLeafApi : IChainMidApi;

/// <summary>Its own default does not lower what <see cref="IChainMidApi"/> requires of inherited operations.</summary>
[CymbioScope(CymbioScopes.ReadOrders)]
public interface IChainLeafWithDefaultApi : IChainMidApi;

/// <summary>An unscoped interface whose operation nothing on the way to <see cref="IUndeclaredLeafApi"/> scopes.</summary>
public interface IOpenBaseApi
{
    [Get("/v3/open")]
    Task<string> OpenAsync();
}

/// <summary>A scoped interface, so that <see cref="IUndeclaredLeafApi"/> is scoped too.</summary>
[CymbioScope(CymbioScopes.ReadOrders)]
public interface IOrdersOnlyApi
{
    [Get("/v3/orders-only")]
    Task<string> OrdersAsync();
}

/// <summary><c>OpenAsync</c> declares no requirement here: CYM0008, and the runtime refuses it.</summary>
#pragma warning disable CYM0008
public interface IUndeclaredLeafApi : IOpenBaseApi, IOrdersOnlyApi;
#pragma warning restore CYM0008

/// <summary>An explicit no-scope operation, and an empty <c>[CymbioScope]</c> that declares nothing.</summary>
[CymbioScope(CymbioScopes.ReadOrders)]
public interface INoScopeApi
{
    [Get("/v3/users")]
    [CymbioNoScope]
    Task<string> ListUsersAsync();

#pragma warning disable CYM0008
    [Get("/v3/forgotten")]
    [CymbioScope]
    Task<string> ForgottenAsync();
#pragma warning restore CYM0008
}

/// <summary>A base method without a Refit attribute, re-abstracted as an operation by <see cref="IReabstractApi"/>.</summary>
public interface IBaseOperation
{
    // Refit 16.4 warns (RF001) that the base method has no HTTP attribute, although it implements the re-abstraction.
#pragma warning disable RF001
    Task<string> OpAsync();
#pragma warning restore RF001
}

/// <summary>Refit implements <c>IBaseOperation.OpAsync</c> and reports <c>OpAsync</c>, <c>/v3/op</c>.</summary>
[CymbioScope(CymbioScopes.ReadOrders)]
public interface IReabstractApi : IBaseOperation
{
    [Get("/v3/op")]
    abstract Task<string> IBaseOperation.OpAsync();
}

/// <summary>
/// Overloads in a <c>[PathPrefix]</c> interface: Refit reports <c>/v3/prefixed/items</c> and
/// <c>/v3/prefixed/items/{id}</c>, and the table must hold exactly those to tell them apart.
/// </summary>
[Headers("Accept: application/json")]
[PathPrefix("/v3/prefixed")]
[CymbioScope(CymbioScopes.ReadOrders)]
public interface IPrefixedApi
{
    [Get("/items")]
    Task<string> ListAsync();

    [Get("/items/{id}")]
    [CymbioScope(CymbioScopes.ReadVariants)]
    Task<string> ListAsync(long id);

    [Get("/search?#fragment")]
    Task<string> SearchAsync();

    [Get("/search?q={q}")]
    [CymbioScope(CymbioScopes.ReadVariants)]
    Task<string> SearchAsync(string q);
}
