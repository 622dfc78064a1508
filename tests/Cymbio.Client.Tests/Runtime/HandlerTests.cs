using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Cymbio.Client.Tests.Apis;
using Cymbio.Client.Tests.Infrastructure;
using Cymbio.Client.Tests.Runtime.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Refit;
using Xunit;

namespace Cymbio.Client.Tests.Runtime;

/// <summary>docs/reliability.md D: the DelegatingHandler, 401/403 semantics and retry composition.</summary>
public sealed class HandlerTests
{
    [Fact]
    [Trait("Category", "Reliability")]
    public async Task D1_401Once_RenewsTheTokenOnce_AndReplaysWithTheNewToken()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        server.ApiScript = ScriptedCymbioServer.ApiSequence(RuntimeHarness.Unauthorized(), ScriptedResponse.Json(200, """{"ok":true}"""));
        using var cymbio = new CymbioClient(RuntimeHarness.Options(server), new FakeTimeProvider());
        var api = cymbio.Create<IOrdersProbeApi>(TestJsonContext.Settings());

        var body = await api.ListOrdersAsync().Bounded();

        Assert.Equal("""{"ok":true}""", body);
        Assert.Equal(2, server.ApiRequestCount);
        Assert.Equal(2, server.TokenRequestCount);
        var requests = server.ApiRequests;
        Assert.All(requests, r => Assert.Single(r.Authorization));
        Assert.NotNull(requests[0].BearerToken);
        Assert.NotNull(requests[1].BearerToken);
        Assert.NotEqual(requests[0].BearerToken, requests[1].BearerToken);
        Assert.Equal(1, ScriptedCymbioServer.ParseMinted(requests[0].BearerToken!).N);
        Assert.Equal(2, ScriptedCymbioServer.ParseMinted(requests[1].BearerToken!).N);
        Assert.Empty(server.ScriptFailures);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task D2_401Twice_NoLoop_CallerGetsTypedUnauthorized()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        server.ApiScript = _ => Task.FromResult(RuntimeHarness.Unauthorized());
        using var cymbio = new CymbioClient(RuntimeHarness.Options(server), new FakeTimeProvider());
        var api = cymbio.Create<IOrdersProbeApi>(TestJsonContext.Settings());

        var thrown = await RuntimeHarness.CatchAsync(() => api.ListOrdersAsync());

        var unauthorized = RuntimeHarness.Find<CymbioUnauthorizedException>(thrown);
        Assert.True(unauthorized is not null, $"Expected CymbioUnauthorizedException, got {thrown}");
        Assert.Equal("invalid_token", unauthorized.Error);
        Assert.Equal(2, server.ApiRequestCount);
        Assert.Equal(2, server.TokenRequestCount);
        Assert.NotEqual(server.ApiRequests[0].BearerToken, server.ApiRequests[1].BearerToken);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task D2_TypedExceptions_AreWhatTheCallerCatches()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        using var cymbio = new CymbioClient(RuntimeHarness.Options(server), new FakeTimeProvider());
        var api = cymbio.Create<IOrdersProbeApi>(TestJsonContext.Settings());
        using var narrow = new CymbioClient(RuntimeHarness.Options(server, CymbioScopes.ReadOrders), new FakeTimeProvider());

        server.ApiScript = _ => Task.FromResult(RuntimeHarness.Unauthorized());
        Assert.IsType<CymbioUnauthorizedException>(await RuntimeHarness.CatchAsync(() => api.ListOrdersAsync()));
        server.ApiScript = _ => Task.FromResult(RuntimeHarness.InsufficientScope(CymbioScopes.WriteInventory));
        Assert.IsType<InsufficientScopeException>(await RuntimeHarness.CatchAsync(() => api.AdjustInventoryAsync(new InventoryAdjustment("SKU-1", 1))));
        Assert.IsType<ScopeNotGrantedException>(await RuntimeHarness.CatchAsync(() => narrow.Create<IOrdersProbeApi>(TestJsonContext.Settings()).AdjustInventoryAsync(new InventoryAdjustment("SKU-1", 1))));
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task D3_401Storm_OneForcedRenewal_ForAHundredRejections()
    {
        const int Callers = 100;
        await using var server = await ScriptedCymbioServer.StartAsync();
        using var cymbio = new CymbioClient(RuntimeHarness.Options(server), new FakeTimeProvider());
        var api = cymbio.Create<IOrdersProbeApi>(TestJsonContext.Settings());

        // Warm: T1 cached.
        await api.ListOrdersAsync().Bounded();
        var t1 = await cymbio.TokenProvider.GetTokenAsync(RuntimeHarness.DefaultGrants).AsTask().Bounded();
        Assert.Equal(server.ApiRequests.Single().BearerToken, t1.AccessToken);
        Assert.Equal(1, server.TokenRequestCount);

        server.ApiScript = request => Task.FromResult(
            request.BearerToken == t1.AccessToken ? RuntimeHarness.Unauthorized() : ScriptedResponse.Json(200, "{}"));
        Task<string>[] calls;
        using (server.HoldApiResponses())
        {
            calls = Enumerable.Range(0, Callers).Select(_ => Task.Run(() => api.ListOrdersAsync())).ToArray();
            await server.ApiGate.WaitForWaitingAsync(Callers);
        }

        await Task.WhenAll(calls).Bounded();

        Assert.Equal(2, server.TokenRequestCount); // the initial one plus one forced renewal
        var storm = server.ApiRequests.Skip(1).ToList();
        Assert.Equal(2 * Callers, storm.Count);
        Assert.Equal(Callers, storm.Count(r => r.BearerToken == t1.AccessToken));
        var renewed = storm.Where(r => r.BearerToken != t1.AccessToken).Select(r => r.BearerToken).Distinct().ToList();
        Assert.Single(renewed);
        Assert.NotNull(renewed[0]);

        // A later rejection of T1 is answered from the cache, which already holds a newer token.
        var again = await cymbio.TokenProvider.RenewAsync(t1).AsTask().Bounded();
        Assert.Equal(renewed[0], again.AccessToken);
        Assert.Equal(2, server.TokenRequestCount);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task D4_403InsufficientScope_IsTyped_AndNotRetried()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        using var cymbio = new CymbioClient(RuntimeHarness.Options(server), new FakeTimeProvider());
        var api = cymbio.Create<IOrdersProbeApi>(TestJsonContext.Settings());
        await cymbio.TokenProvider.GetTokenAsync(RuntimeHarness.DefaultGrants).AsTask().Bounded();
        Assert.Equal(1, server.TokenRequestCount);
        server.ApiScript = _ => Task.FromResult(RuntimeHarness.InsufficientScope(CymbioScopes.WriteInventory));

        var thrown = await RuntimeHarness.CatchAsync(() => api.AdjustInventoryAsync(new InventoryAdjustment("SKU-1", 3)));

        var insufficient = RuntimeHarness.Find<InsufficientScopeException>(thrown);
        Assert.True(insufficient is not null, $"Expected InsufficientScopeException, got {thrown}");
        Assert.Equal(ScopeSet.Create(CymbioScopes.WriteInventory), insufficient.RequiredScopes);
        Assert.Equal([CymbioScopes.WriteInventory], insufficient.RequiredScopes.ToArray());
        Assert.Equal(1, server.ApiRequestCount);
        Assert.Equal(1, server.TokenRequestCount); // TR += 0
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task D5_JsonBody_ReplayedByteIdentical_WithOneAuthorizationHeader()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        server.ApiScript = ScriptedCymbioServer.ApiSequence(RuntimeHarness.Unauthorized(), ScriptedResponse.Json(200, "{}"));
        using var cymbio = new CymbioClient(RuntimeHarness.Options(server), new FakeTimeProvider());
        var api = cymbio.Create<IOrdersProbeApi>(TestJsonContext.Settings());

        await api.AdjustInventoryAsync(new InventoryAdjustment("SKU-ÄÖ-1", 42)).Bounded();

        Assert.Equal(2, server.ApiRequestCount);
        Assert.Equal(2, server.TokenRequestCount);
        var (first, second) = (server.ApiRequests[0], server.ApiRequests[1]);
        Assert.NotEmpty(first.Body);
        Assert.Equal(first.Body, second.Body);
        Assert.Contains("SKU-", first.RawBody, StringComparison.Ordinal);
        Assert.Equal(first.ContentType, second.ContentType);
        Assert.Single(first.Authorization);
        Assert.Single(second.Authorization);
        Assert.NotNull(second.BearerToken);
        Assert.NotEqual(first.BearerToken, second.BearerToken);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task D5_NonSeekableStreamBody_IsNotReplayed_CallerGets401()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        server.ApiScript = ScriptedCymbioServer.ApiSequence(RuntimeHarness.Unauthorized(), ScriptedResponse.Json(200, "{}"));
        using var cymbio = new CymbioClient(RuntimeHarness.Options(server), new FakeTimeProvider());
        var api = cymbio.Create<IOrdersProbeApi>(TestJsonContext.Settings());
        var payload = System.Text.Encoding.UTF8.GetBytes("sku,qty\nSKU-1,5\nSKU-2,7\n");

        var thrown = await RuntimeHarness.CatchAsync(() => api.UploadInventoryFeedAsync(new NonSeekableStream(payload)));

        var apiException = RuntimeHarness.Find<ApiException>(thrown);
        Assert.True(apiException is not null, $"Expected Refit's ApiException (401), got {thrown}");
        Assert.Equal(HttpStatusCode.Unauthorized, apiException.StatusCode);
        var sent = Assert.Single(server.ApiRequests);
        Assert.Equal(payload, sent.Body);
        Assert.DoesNotContain(server.ApiRequests, r => r.Body.Length == 0);
        Assert.Equal(1, server.TokenRequestCount);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task D6_Get503Then200_RetriedOutsideTheTokenHandler_WithTheRenewedToken()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        using var provider = BuildServices(server, time);
        var api = provider.GetRequiredService<IOrdersProbeApi>();
        var tokens = provider.GetRequiredService<ICymbioTokenProvider>();
        server.ApiScript = ScriptedCymbioServer.ApiSequence(ScriptedResponse.Json(503, """{"message":"busy"}"""), ScriptedResponse.Json(200, """{"ok":1}"""));

        Task<string> call;
        CymbioToken t1, t2;
        using (server.HoldApiResponses())
        {
            call = api.ListOrdersAsync();
            await server.ApiGate.WaitForWaitingAsync(1);

            // Renew the token while the first attempt is out: the retry must carry the renewed one.
            t1 = await tokens.GetTokenAsync(RuntimeHarness.DefaultGrants).AsTask().Bounded();
            Assert.Equal(server.ApiRequests.Single().BearerToken, t1.AccessToken);
            t2 = await tokens.RenewAsync(t1).AsTask().Bounded();
            Assert.NotEqual(t1.AccessToken, t2.AccessToken);
        }

        // The retry delay runs on the fake clock (advanced once the 503 is on its way back).
        await server.ApiRequests[0].Completion.Bounded();
        await RuntimeHarness.AdvanceUntilAsync(time, () => server.ApiRequestCount >= 2, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(15), "the retry of the GET");
        Assert.Equal("""{"ok":1}""", await call.Bounded());

        Assert.Equal(2, server.ApiRequestCount);
        Assert.All(server.ApiRequests, r => Assert.Single(r.Authorization));
        Assert.Equal(t1.AccessToken, server.ApiRequests[0].BearerToken);
        Assert.Equal(t2.AccessToken, server.ApiRequests[1].BearerToken);
        Assert.Equal(2, server.TokenRequestCount);
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task D6_Post503_IsNotRetried_UnlessMarkedIdempotent()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        using var provider = BuildServices(server, time);
        var api = provider.GetRequiredService<IOrdersProbeApi>();
        server.ApiScript = _ => Task.FromResult(ScriptedResponse.Json(503, """{"message":"busy"}"""));

        // Not idempotent: the 503 reaches the caller without waiting for any retry delay.
        var thrown = await RuntimeHarness.CatchAsync(() => api.AdjustInventoryAsync(new InventoryAdjustment("SKU-1", 1)));
        var apiException = RuntimeHarness.Find<ApiException>(thrown);
        Assert.True(apiException is not null, $"Expected ApiException (503), got {thrown}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, apiException.StatusCode);
        Assert.Equal(1, server.ApiRequestCount);

        // Marked idempotent with an Idempotency-Key: retried (the delay on the fake clock).
        server.ApiScript = ScriptedCymbioServer.ApiSequence(ScriptedResponse.Json(503, """{"message":"busy"}"""), ScriptedResponse.Json(200, """{"ok":2}"""));
        var call = api.AdjustInventoryAsync(new InventoryAdjustment("SKU-1", 1), "key-123");
        await server.WaitForApiRequestsAsync(2);
        await server.ApiRequests[1].Completion.Bounded();
        await RuntimeHarness.AdvanceUntilAsync(time, () => server.ApiRequestCount >= 3, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(15), "the retry of the idempotent POST");
        Assert.Equal("""{"ok":2}""", await call.Bounded());

        var idempotent = server.ApiRequests.Skip(1).ToList();
        Assert.Equal(2, idempotent.Count);
        Assert.All(idempotent, r => Assert.Equal("key-123", Assert.Single(r.Header(CymbioResilience.IdempotencyKeyHeader))));
        Assert.All(idempotent, r => Assert.Single(r.Authorization));
        Assert.Equal(idempotent[0].Body, idempotent[1].Body);
        Assert.Equal(1, server.TokenRequestCount);
    }

    private static ServiceProvider BuildServices(ScriptedCymbioServer server, FakeTimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time); // before AddCymbio, which only tries to add the system clock
        services.AddCymbio(options => RuntimeHarness.Options(server).CopyTo(options)).AddClient<IOrdersProbeApi>(TestJsonContext.Settings());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
