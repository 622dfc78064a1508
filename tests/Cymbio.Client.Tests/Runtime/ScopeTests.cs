using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Cymbio.Client.Tests.Apis;
using Cymbio.Client.Tests.Infrastructure;
using Cymbio.Client.Tests.Runtime.Harness;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cymbio.Client.Tests.Runtime;

/// <summary>docs/reliability.md G: scope correctness.</summary>
public sealed class ScopeTests
{
    [Fact]
    [Trait("Category", "Reliability")]
    public async Task G1_NarrowerGrant_IsTypedError_AndCachedOnlyUnderTheGrantedSet()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        server.TokenScript = NarrowingTo(CymbioScopes.ReadOrders);
        using var cymbio = new CymbioClient(RuntimeHarness.Options(server, CymbioScopes.ReadOrders, CymbioScopes.WriteInventory), new FakeTimeProvider());
        var api = cymbio.Create<ILeastPrivilegeApi>(TestJsonContext.Settings());

        // AllGranted: every call asks for read:orders write:inventory.
        var thrown = await RuntimeHarness.CatchAsync(() => api.ListOrdersAsync());

        var notGranted = RuntimeHarness.Find<ScopeNotGrantedException>(thrown);
        Assert.True(notGranted is not null, $"Expected ScopeNotGrantedException, got {thrown}");
        Assert.Equal(ScopeSet.Create(CymbioScopes.WriteInventory), notGranted.MissingScopes);
        Assert.Contains(CymbioScopes.WriteInventory, notGranted.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.ApiRequestCount);
        Assert.Equal(1, server.TokenRequestCount);
        Assert.Equal("read:orders write:inventory", server.TokenRequests[0].Scope);

        // Cached under read:orders ...
        var narrowed = await cymbio.TokenProvider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask().Bounded();
        Assert.Equal(1, server.TokenRequestCount); // TR += 0
        Assert.Equal(RuntimeHarness.ReadOrders, narrowed.Scopes);
        Assert.Equal(CymbioScopes.ReadOrders, ScriptedCymbioServer.ParseMinted(narrowed.AccessToken).Scope);

        // ... and not under what was asked for.
        await Assert.ThrowsAsync<ScopeNotGrantedException>(() => cymbio.TokenProvider.GetTokenAsync(RuntimeHarness.DefaultGrants).AsTask().Bounded());
        Assert.Equal(2, server.TokenRequestCount);
        Assert.Equal(0, server.ApiRequestCount);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task G1_NarrowerGrant_UnderLeastPrivilege_ServesOnlyTheOperationsItCovers()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        server.TokenScript = NarrowingTo(CymbioScopes.ReadOrders);
        var options = RuntimeHarness.Options(server, CymbioScopes.ReadOrders, CymbioScopes.WriteInventory);
        options.ScopeStrategy = CymbioScopeStrategy.LeastPrivilege;
        using var cymbio = new CymbioClient(options, new FakeTimeProvider());
        var api = cymbio.Create<ILeastPrivilegeApi>(TestJsonContext.Settings());

        var thrown = await RuntimeHarness.CatchAsync(() => api.ReserveAsync(1, new InventoryAdjustment("SKU-1", 1)));

        var notGranted = RuntimeHarness.Find<ScopeNotGrantedException>(thrown);
        Assert.True(notGranted is not null, $"Expected ScopeNotGrantedException, got {thrown}");
        Assert.Equal(ScopeSet.Create(CymbioScopes.WriteInventory), notGranted.MissingScopes);
        Assert.Equal(1, server.TokenRequestCount);
        Assert.Equal(0, server.ApiRequestCount);

        // A read:orders operation uses the narrowed token from the cache.
        await api.ListOrdersAsync().Bounded();
        Assert.Equal(1, server.TokenRequestCount); // TR += 0
        var request = Assert.Single(server.ApiRequests);
        Assert.Equal(CymbioScopes.ReadOrders, ScriptedCymbioServer.ParseMinted(request.BearerToken!).Scope);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task G1_ScopeAbsentFromTheResponse_CountsAsRequested()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        server.TokenScript = (request, context) => Task.FromResult(
            ScriptedResponse.Token(context.Mint(request.GrantType!, request.ClientId!, request.Scope!), 300, scope: null));
        using var cymbio = new CymbioClient(RuntimeHarness.Options(server, CymbioScopes.ReadOrders, CymbioScopes.WriteInventory), new FakeTimeProvider());
        var api = cymbio.Create<ILeastPrivilegeApi>(TestJsonContext.Settings());

        await api.ListOrdersAsync().Bounded();
        await api.AdjustInventoryAsync(new InventoryAdjustment("SKU-1", 1)).Bounded();
        var token = await cymbio.TokenProvider.GetTokenAsync(RuntimeHarness.DefaultGrants).AsTask().Bounded();

        Assert.Equal(1, server.TokenRequestCount);
        Assert.Equal(2, server.ApiRequestCount);
        Assert.Equal(RuntimeHarness.DefaultGrants, token.Scopes);
        Assert.All(server.ApiRequests, r => Assert.Equal(token.AccessToken, r.BearerToken));
    }

    public static TheoryData<string> LeastPrivilegeOperations()
    {
        var data = new TheoryData<string>();
        foreach (var operation in CymbioScopeRegistry.GetOperations(typeof(ILeastPrivilegeApi)))
        {
            data.Add(operation.MethodName);
        }

        return data;
    }

    [Theory]
    [Trait("Category", "Reliability")]
    [MemberData(nameof(LeastPrivilegeOperations))]
    public async Task G2_LeastPrivilege_EachOperationAsksOnlyForItsScopes(string methodName)
    {
        var method = typeof(ILeastPrivilegeApi).GetMethods().Single(m => m.Name == methodName);
        var operation = CymbioScopeRegistry.GetOperations(typeof(ILeastPrivilegeApi)).Single(o => o.MethodName == methodName);
        Assert.False(operation.Scopes.IsEmpty);
        await using var server = await ScriptedCymbioServer.StartAsync();
        var options = RuntimeHarness.Options(
            server,
            CymbioScopes.ReadOrders,
            CymbioScopes.ReadInventory,
            CymbioScopes.WriteInventory,
            CymbioScopes.WriteWarehouses);
        options.ScopeStrategy = CymbioScopeStrategy.LeastPrivilege;
        using var cymbio = new CymbioClient(options, new FakeTimeProvider());
        var api = cymbio.Create<ILeastPrivilegeApi>(TestJsonContext.Settings());

        await Invoke(api, method).Bounded();

        var tokenRequest = Assert.Single(server.TokenRequests);
        Assert.True(ScopeSet.TryParse(tokenRequest.Scope!, out var requested));
        Assert.Equal(operation.Scopes, requested);
        var apiRequest = Assert.Single(server.ApiRequests);
        Assert.Equal(operation.Scopes.ToString(), ScriptedCymbioServer.ParseMinted(apiRequest.BearerToken!).Scope);
        if (apiRequest.Method == "GET")
        {
            Assert.DoesNotContain(requested, s => s.StartsWith("write:", StringComparison.Ordinal));
        }
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task G2_LeastPrivilege_GetOrdersAsksForReadOrdersOnly_AcrossAMixedSession()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var options = RuntimeHarness.Options(server, CymbioScopes.ReadOrders, CymbioScopes.WriteInventory);
        options.ScopeStrategy = CymbioScopeStrategy.LeastPrivilege;
        using var cymbio = new CymbioClient(options, new FakeTimeProvider());
        var api = cymbio.Create<ILeastPrivilegeApi>(TestJsonContext.Settings());

        await api.AdjustInventoryAsync(new InventoryAdjustment("SKU-1", 1)).Bounded();
        await api.ListOrdersAsync().Bounded();
        await api.ReserveAsync(3, new InventoryAdjustment("SKU-1", 1)).Bounded();
        await api.ListOrdersAsync().Bounded();

        Assert.Equal(typeof(ILeastPrivilegeApi).GetMethods().Length, CymbioScopeRegistry.GetOperations(typeof(ILeastPrivilegeApi)).Count);
        Assert.Equal(["write:inventory", "read:orders", "read:orders write:inventory"], server.TokenRequests.Select(r => r.Scope ?? string.Empty).ToArray());
        var getOrders = server.ApiRequests.Where(r => r.Method == "GET" && r.Path == "/orders").ToList();
        Assert.Equal(2, getOrders.Count);
        Assert.All(getOrders, r => Assert.Equal(CymbioScopes.ReadOrders, ScriptedCymbioServer.ParseMinted(r.BearerToken!).Scope));
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task G2_OperationOutsideTheGrants_FailsBeforeAnyNetworkCall()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        foreach (var strategy in new[] { CymbioScopeStrategy.LeastPrivilege, CymbioScopeStrategy.AllGranted })
        {
            var options = RuntimeHarness.Options(server, CymbioScopes.ReadOrders);
            options.ScopeStrategy = strategy;
            using var cymbio = new CymbioClient(options, new FakeTimeProvider());
            var api = cymbio.Create<ILeastPrivilegeApi>(TestJsonContext.Settings());

            var thrown = await RuntimeHarness.CatchAsync(() => api.AdjustInventoryAsync(new InventoryAdjustment("SKU-1", 1)));

            var notGranted = RuntimeHarness.Find<ScopeNotGrantedException>(thrown);
            Assert.True(notGranted is not null, $"Expected ScopeNotGrantedException, got {thrown}");
            Assert.Contains(nameof(ILeastPrivilegeApi.AdjustInventoryAsync), notGranted.Operation, StringComparison.Ordinal);
            Assert.Contains(nameof(ILeastPrivilegeApi.AdjustInventoryAsync), notGranted.Message, StringComparison.Ordinal);
            Assert.Equal(ScopeSet.Create(CymbioScopes.WriteInventory), notGranted.MissingScopes);
            Assert.Equal(0, server.TokenRequestCount);
            Assert.Equal(0, server.ApiRequestCount);
        }
    }

    private static Func<TokenRequestRecord, TokenScriptContext, Task<ScriptedResponse>> NarrowingTo(string granted) =>
        (request, context) => Task.FromResult(ScriptedResponse.Token(context.Mint(request.GrantType!, request.ClientId!, granted), 300, scope: granted));

    private static Task Invoke(ILeastPrivilegeApi api, MethodInfo method)
    {
        var arguments = method.GetParameters().Select(p => p.ParameterType switch
        {
            var t when t == typeof(long) => (object)7L,
            var t when t == typeof(string) => "SKU-7",
            var t when t == typeof(InventoryAdjustment) => new InventoryAdjustment("SKU-7", 1),
            var t => throw new NotSupportedException($"No sample value for {t}."),
        }).ToArray();
        return (Task)method.Invoke(api, arguments)!;
    }
}
