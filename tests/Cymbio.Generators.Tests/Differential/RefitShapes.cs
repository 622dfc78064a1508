// The corpus of the Refit differential test (RefitTemplateDifferentialTests): interfaces of every shape that decides
// what Refit reports in Refit.RelativePathTemplate and Refit.MethodName — path prefixes (own, inherited, odd), fragments,
// empty query parts, relative and empty routes, overloads, inheritance chains and diamonds, explicit re-abstractions,
// generic and nested interfaces, custom verb attributes. Each is built with Refit's own generator and ours.
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Cymbio;
using Refit;

namespace Differential;

public sealed record Item(long Id);

[CymbioScope(CymbioScopes.ReadOrders)]
public interface IPlainApi
{
    [Get("/v3/items")] Task<string> List();
    [Get("/v3/items/{id}")] Task<string> Get(long id);
    [Get("/v3/items/{id}?expand={expand}")] Task<string> GetExpanded(long id, string expand);
    [Get("/v3/files/{**path}")] Task<string> File(string path);
    [Post("/v3/items")] [CymbioScope(CymbioScopes.WriteOrders)] Task Create([Body] Item item);
    [Put("/v3/items/{id}")] [CymbioScope(CymbioScopes.WriteOrders)] Task Update(long id, [Body] Item item, CancellationToken cancellationToken);
    [Delete("/v3/items/{id}")] [CymbioScope(CymbioScopes.WriteOrders)] Task Delete(long id);
    [Patch("/v3/items/{id}")] [CymbioScope(CymbioScopes.WriteOrders)] Task Patch(long id, [Body] Item item);
    [Head("/v3/items")] Task Head();
    [Options("/v3/items")] Task Options();
    [Get("items-relative")] Task<string> Relative();
    [Get("")] Task<string> Root();
}

[CymbioScope(CymbioScopes.ReadVariants)]
public interface IOddRoutesApi
{
    [Get("/foo#name")] Task<string> Fragment();
    [Get("/foo?")] Task<string> EmptyQuery();
    [Get("/foo?=value")] Task<string> EmptyKey();
    [Get("/foo?&a=1")] Task<string> LeadingAmpersand();
    [Get("/foo?a=1&&b=2&")] Task<string> DoubleAmpersand();
    [Get("/foo?a&b=&=c")] Task<string> Mixed();
    [Get("/foo?#fragment")] Task<string> QueryThenFragment();
    [Get("/foo?x=1#fragment&y=2")] Task<string> FragmentInQuery();
    [Get("/foo??a")] Task<string> DoubleQuestionMark();
    [Get("/foo?a=1=2")] Task<string> DoubleEquals();
    [Get("/foo? a = 1 ")] Task<string> Spaces();
}

[PathPrefix("/v3")]
[CymbioScope(CymbioScopes.ReadOrders)]
public interface IPrefixApi
{
    [Get("/items")] Task<string> List();
    [Get("/items/{id}")] [CymbioScope(CymbioScopes.ReadVariants)] Task<string> List(long id);
    [Get("")] Task<string> Root();
    [Get("/")] Task<string> Slash();
    [Get("relative")] Task<string> Relative();
    [Get("/a#fragment")] Task<string> Fragment();
    [Get("/a?")] Task<string> EmptyQuery();
    [Get("?a=1")] Task<string> OnlyQuery();
    [Get("#x")] Task<string> OnlyFragment();
    [Get("//double")] Task<string> DoubleSlash();
}

[PathPrefix("/v3/")]
[CymbioScope(CymbioScopes.ReadInventory)]
public interface ITrailingSlashPrefixApi
{
    [Get("/items")] Task<string> WithSlash();
    [Get("items")] Task<string> WithoutSlash();
    [Get("")] Task<string> Empty();
}

[PathPrefix("v3")]
[CymbioScope(CymbioScopes.ReadInventory)]
public interface IRelativePrefixApi
{
    [Get("/items")] Task<string> List();
}

[PathPrefix("/")]
[CymbioScope(CymbioScopes.ReadInventory)]
public interface ISlashPrefixApi
{
    [Get("items")] Task<string> Relative();
    [Get("")] Task<string> Empty();
    [Get("/")] Task<string> Slash();
}

[PathPrefix("")]
[CymbioScope(CymbioScopes.ReadInventory)]
public interface IEmptyPrefixApi
{
    [Get("/items")] Task<string> List();
}

[PathPrefix("/q#x")]
[CymbioScope(CymbioScopes.ReadInventory)]
public interface IFragmentPrefixApi
{
    [Get("/g")] Task<string> Get();
}

[PathPrefix("/q?x=1")]
[CymbioScope(CymbioScopes.ReadInventory)]
public interface IQueryPrefixApi
{
    [Get("/h?y=2")] Task<string> Get();
}

[PathPrefix("/v3//")]
[CymbioScope(CymbioScopes.ReadInventory)]
public interface IDoubleSlashPrefixApi
{
    [Get("//items")] Task<string> List();
}

/// <summary>Refit applies the client interface's own prefix to inherited operations, never an inherited one.</summary>
[PathPrefix("/p")]
public interface IDerivedPrefixApi : IPrefixApi;

public interface IDerivedNoPrefixApi : IPrefixApi;

[PathPrefix("/p2")]
[CymbioScope(CymbioScopes.WriteOrders)]
public interface IDerivedOwnMethodsApi : ITrailingSlashPrefixApi
{
    [Post("/own")] Task Own();
}

[CymbioScope(CymbioScopes.ReadOrders)]
public interface IOverloadsApi
{
    [Get("/o")] Task<string> O();
    [Get("/o/{id}")] [CymbioScope(CymbioScopes.ReadVariants)] Task<string> O(long id);
    [Post("/o")] [CymbioScope(CymbioScopes.WriteOrders)] Task O([Body] Item item);
    [Get("/o?x={x}")] [CymbioScope(CymbioScopes.ReadInventory)] Task<string> O(string x);
}

public interface IChainBaseApi
{
    [Get("/chain")] Task<string> List();
}

[CymbioScope(CymbioScopes.ReadVariants)]
public interface IChainMidApi : IChainBaseApi;

public interface IChainLeafApi : IChainMidApi;

[CymbioScope(CymbioScopes.ReadOrders)]
public interface IChainLeafWithDefaultApi : IChainMidApi;

public interface IDiamondBaseApi
{
    [Get("/diamond")] Task<string> Get();
}

[CymbioScope(CymbioScopes.ReadVariants)]
public interface IDiamondLeftApi : IDiamondBaseApi;

[CymbioScope(CymbioScopes.ReadInventory)]
public interface IDiamondRightApi : IDiamondBaseApi;

public interface IDiamondApi : IDiamondLeftApi, IDiamondRightApi;

public interface IBaseOperation
{
#pragma warning disable RF001
    Task<string> Op();
#pragma warning restore RF001
}

[CymbioScope(CymbioScopes.ReadOrders)]
public interface IReabstractApi : IBaseOperation
{
    [Get("/op")] abstract Task<string> IBaseOperation.Op();
    [Get("/own")] Task<string> Own();
}

// Not in the corpus: an interface deriving from IReabstractApi. Refit 16.4's generated stub for it implements
// IBaseOperation.Op twice (CS8646), so no client of it can exist.

[CymbioScope(CymbioScopes.ReadOrders)]
public interface IRepository<TItem>
{
    [Get("/repo/{id}")] Task<TItem> Get(long id);
    [Put("/repo/{id}")] [CymbioScope(CymbioScopes.WriteOrders)] Task Put(long id, [Body] TItem item);
}

public static class Outer
{
    [PathPrefix("/outer")]
    [CymbioScope(CymbioScopes.ReadOrders)]
    public interface INestedApi
    {
        [Get("/nested#x")] Task<string> Nested();
    }
}

public sealed class SearchAttribute : HttpMethodAttribute
{
    public SearchAttribute(string path)
        : base(path)
    {
    }

    public override HttpMethod Method => new("SEARCH");
}

[PathPrefix("/custom")]
[CymbioScope(CymbioScopes.ReadOrders)]
public interface ICustomVerbApi
{
    [Search("/search?&a=1#x")] Task<string> Search();
    [Get("/other")] Task<string> Other();
}

[CymbioNoScope]
public interface IHealthApi
{
    [Get("/health")] Task<string> Health();
    [Get("/ready")] [CymbioScope(CymbioScopes.ReadOrders)] Task<string> Ready();
}

[CymbioScope(CymbioScopes.ReadOrders)]
public interface IShapesApi
{
    [Get("/shapes/response")] Task<ApiResponse<string>> Response();
    [Get("/shapes/message")] Task<HttpResponseMessage> Message();
    [Get("/shapes/list")] Task<IReadOnlyList<Item>> List([Query] int? limit = null, [Query] int? offset = null);
    [Get("/shapes/header")] Task<string> Header([Header("X-Tenant")] string tenant);
}
