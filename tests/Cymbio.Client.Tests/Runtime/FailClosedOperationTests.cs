using System;
using System.Linq;
using System.Threading.Tasks;
using Cymbio.Client.Tests.Apis;
using Cymbio.Client.Tests.Infrastructure;
using Cymbio.Client.Tests.Runtime.Harness;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cymbio.Client.Tests.Runtime;

/// <summary>
/// docs/reliability.md G3, issue 8: no operation needs less through another door — a derived interface, an explicit
/// re-abstraction, a <c>[PathPrefix]</c> overload — and an operation whose requirement was never declared is refused.
/// Real Refit-generated clients against the scripted Cymbio server on loopback.
/// </summary>
public sealed class FailClosedOperationTests
{
    [Fact]
    public async Task ChainedDefault_AppliesThroughAnUnannotatedLeaf()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        using var ordersOnly = new CymbioClient(RuntimeHarness.Options(server, CymbioScopes.ReadOrders), new FakeTimeProvider());

        var throughMid = await RuntimeHarness.CatchAsync(() => ordersOnly.Create<IChainMidApi>().ListAsync());
        var throughLeaf = await RuntimeHarness.CatchAsync(() => ordersOnly.Create<IChainLeafApi>().ListAsync());
        var throughLeafWithDefault = await RuntimeHarness.CatchAsync(() => ordersOnly.Create<IChainLeafWithDefaultApi>().ListAsync());

        foreach (var thrown in new[] { throughMid, throughLeaf, throughLeafWithDefault })
        {
            var refused = RuntimeHarness.Find<ScopeNotGrantedException>(thrown);
            Assert.True(refused is not null, $"Expected ScopeNotGrantedException, got {thrown}");
            Assert.Equal(ScopeSet.Create(CymbioScopes.ReadVariants), refused.MissingScopes);
        }

        Assert.Equal(0, server.TokenRequestCount);
        Assert.Equal(0, server.ApiRequestCount);

        using var variants = new CymbioClient(RuntimeHarness.Options(server, CymbioScopes.ReadVariants), new FakeTimeProvider());
        Assert.Equal("{}", await variants.Create<IChainLeafApi>().ListAsync().Bounded());
        Assert.Equal(ScopeSet.Create(CymbioScopes.ReadVariants), Assert.Single(CymbioScopeRegistry.GetOperations(typeof(IChainLeafApi))).Scopes);
    }

    [Fact]
    public async Task UndeclaredOperation_IsRefusedBeforeAnyTokenRequest()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        using var cymbio = new CymbioClient(RuntimeHarness.Options(server, CymbioScopes.ReadOrders, CymbioScopes.ReadVariants), new FakeTimeProvider());

        var open = await RuntimeHarness.CatchAsync(() => cymbio.Create<IUndeclaredLeafApi>().OpenAsync());
        var forgotten = await RuntimeHarness.CatchAsync(() => cymbio.Create<INoScopeApi>().ForgottenAsync());

        foreach (var (thrown, name) in new[] { (open, "IUndeclaredLeafApi.OpenAsync"), (forgotten, "INoScopeApi.ForgottenAsync") })
        {
            var refused = RuntimeHarness.Find<InvalidOperationException>(thrown);
            Assert.True(refused is not null, $"Expected InvalidOperationException, got {thrown}");
            Assert.Contains(name + " declares no scope requirement", refused.Message, StringComparison.Ordinal);
            Assert.Contains("[CymbioNoScope]", refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, server.TokenRequestCount);
        Assert.Equal(0, server.ApiRequestCount);

        // The scoped operation of the same client is sent as usual.
        Assert.Equal("{}", await cymbio.Create<IUndeclaredLeafApi>().OrdersAsync().Bounded());
        Assert.Equal(1, server.ApiRequestCount);
    }

    [Fact]
    public async Task NoScopeOperation_IsSentWithAToken_UnderLeastPrivilegeToo()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var options = RuntimeHarness.Options(server, CymbioScopes.ReadOrders);
        options.ScopeStrategy = CymbioScopeStrategy.LeastPrivilege;
        using var cymbio = new CymbioClient(options, new FakeTimeProvider());

        Assert.Equal("{}", await cymbio.Create<INoScopeApi>().ListUsersAsync().Bounded());

        var request = Assert.Single(server.ApiRequests);
        Assert.Equal("/v3/users", request.Path);
        Assert.NotNull(request.BearerToken);
        Assert.Null(Assert.Single(server.TokenRequests).Scope); // least privilege for no scope: a token requested without one
        var operation = Assert.Single(CymbioScopeRegistry.GetOperations(typeof(INoScopeApi)), o => o.MethodName == nameof(INoScopeApi.ListUsersAsync));
        Assert.True(operation.IsDeclared);
        Assert.True(operation.Scopes.IsEmpty);
    }

    [Fact]
    public async Task ExplicitReabstraction_IsAnOperationWithItsInterfaceDefault()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        using var cymbio = new CymbioClient(RuntimeHarness.Options(server, CymbioScopes.ReadOrders), new FakeTimeProvider());
        IBaseOperation api = cymbio.Create<IReabstractApi>();

        Assert.Equal("{}", await api.OpAsync().Bounded());

        Assert.Equal("/v3/op", Assert.Single(server.ApiRequests).Path);
        var operation = Assert.Single(CymbioScopeRegistry.GetOperations(typeof(IReabstractApi)));
        Assert.Equal(("OpAsync", "GET", "/v3/op"), (operation.MethodName, operation.HttpMethod, operation.RouteTemplate));
        Assert.Equal(ScopeSet.Create(CymbioScopes.ReadOrders), operation.Scopes);

        using var variantsOnly = new CymbioClient(RuntimeHarness.Options(server, CymbioScopes.ReadVariants), new FakeTimeProvider());
        IBaseOperation refusedApi = variantsOnly.Create<IReabstractApi>();
        Assert.NotNull(RuntimeHarness.Find<ScopeNotGrantedException>(await RuntimeHarness.CatchAsync(() => refusedApi.OpAsync())));
    }

    [Fact]
    public async Task PathPrefixOverloads_AreToldApart_ByTheTemplateRefitReports()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        using var ordersOnly = new CymbioClient(RuntimeHarness.Options(server, CymbioScopes.ReadOrders), new FakeTimeProvider());
        var api = ordersOnly.Create<IPrefixedApi>();

        // Before issue 8 the table held "/items" and Refit reported "/v3/prefixed/items": nothing matched, and the
        // overloads' union (read:orders read:variants) was required of both.
        Assert.Equal("{}", await api.ListAsync().Bounded());
        Assert.Equal("{}", await api.SearchAsync().Bounded());
        var refused = RuntimeHarness.Find<ScopeNotGrantedException>(await RuntimeHarness.CatchAsync(() => api.ListAsync(7)));
        Assert.Equal(ScopeSet.Create(CymbioScopes.ReadVariants), refused?.MissingScopes);

        Assert.Equal(new[] { "/v3/prefixed/items", "/v3/prefixed/search" }, server.ApiRequests.Select(r => r.Path));
        var templates = CymbioScopeRegistry.GetOperations(typeof(IPrefixedApi)).Select(o => o.RouteTemplate);
        Assert.Equal(new[] { "/v3/prefixed/items", "/v3/prefixed/items/{id}", "/v3/prefixed/search", "/v3/prefixed/search?q={q}" }, templates);
    }
}
