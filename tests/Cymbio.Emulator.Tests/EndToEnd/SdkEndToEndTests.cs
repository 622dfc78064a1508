using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cymbio.Api;
using Cymbio.Api.Suppliers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cymbio.Emulator.Tests.EndToEnd;

/// <summary>
/// The SDK against the emulator over real loopback HTTP: the generated clients, the token provider and the handler,
/// with the emulator's counters as the witness of what went over the wire.
/// </summary>
public sealed class SdkEndToEndTests
{
    private const string ListRoute = "/v3/suppliers/{supplierId}/fulfillments";
    private const string AcceptRoute = "/v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}/setStatus/accepted";

    [Fact]
    public async Task FullyGrantedSupplier_ListsAcceptsAndShips_WithOneToken()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        using var cymbio = new CymbioClient(Options(emulator, EmulatorAccounts.Supplier, CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments));
        var expected = emulator.Data.Fulfillments(EmulatorAccounts.SupplierId).Where(static f => f.FulfillmentState == FulfillmentStates.New).Select(static f => f.Id).Order().ToArray();

        var fresh = await cymbio.Supplier.Fulfillments.ListAsync(new FulfillmentFilter { RetailerState = RetailerStates.Ordered, FulfillmentState = FulfillmentStates.New });
        var first = fresh.First();
        await cymbio.Supplier.Fulfillments.AcceptAsync(first.Id, new AcceptFulfillmentRequest());
        var result = await cymbio.Supplier.Fulfillments.ShipAsync(first.Id, new ShipFulfillmentRequest("1ZE2E0001"));
        var shipped = await cymbio.Supplier.Fulfillments.GetAsync(first.Id);

        Assert.Equal(expected, fresh.Select(static f => f.Id).Order());
        Assert.Contains(929, fresh.Select(static f => f.Id));
        Assert.True(result?.Success);
        Assert.Equal(FulfillmentStates.Shipped, shipped.FulfillmentState);
        Assert.Equal("1ZE2E0001", shipped.TrackingNumber);
        Assert.Equal(1, emulator.Requests.TokenRequests());
    }

    [Fact]
    public async Task RestrictedGrants_FailBeforeAnyRequest_WithScopeNotGranted()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        using var cymbio = new CymbioClient(Options(emulator, EmulatorAccounts.ReadOnlySupplier, CymbioScopes.ReadOrders));

        var refused = await Assert.ThrowsAsync<ScopeNotGrantedException>(() => cymbio.Supplier.Fulfillments.AcceptAsync(929, new AcceptFulfillmentRequest()));

        Assert.Contains(CymbioScopes.WriteFulfillments, refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, emulator.Requests.Calls("PUT", AcceptRoute));
        Assert.Equal(FulfillmentStates.New, emulator.Data.Fulfillment(929)!.FulfillmentState);
    }

    [Fact]
    public async Task EmulatorsInsufficientScope_BecomesInsufficientScopeException_WhenAProviderBypassesTheCheck()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        using var readOnly = new CymbioClient(Options(emulator, EmulatorAccounts.ReadOnlySupplier, CymbioScopes.ReadOrders));
        var services = new ServiceCollection();
        services.AddSingleton<ICymbioTokenProvider>(new ReadOnlyTokens(readOnly.TokenProvider));
        services.AddCymbio(o => Configure(o, emulator, EmulatorAccounts.Supplier, CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments)).AddSupplier();
        await using var provider = services.BuildServiceProvider();
        var supplier = provider.GetRequiredService<CymbioSupplierClient>();

        var refused = await Assert.ThrowsAsync<InsufficientScopeException>(() => supplier.Fulfillments.AcceptAsync(929, new AcceptFulfillmentRequest()));

        Assert.Contains(CymbioScopes.WriteFulfillments, refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, emulator.Requests.Calls("PUT", AcceptRoute, 403));
        Assert.Equal(FulfillmentStates.New, emulator.Data.Fulfillment(929)!.FulfillmentState);
    }

    [Fact]
    public async Task RevokedToken_OneUnauthorized_OneRefreshGrant_OneReplay()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        using var cymbio = new CymbioClient(Options(emulator, EmulatorAccounts.Supplier, CymbioScopes.ReadOrders));
        await cymbio.Supplier.Fulfillments.ListAsync();

        emulator.Tokens.RevokeAll();
        var again = await cymbio.Supplier.Fulfillments.ListAsync();

        Assert.NotEmpty(again);
        Assert.Equal(1, emulator.Requests.Calls("GET", ListRoute, 401));
        Assert.Equal(2, emulator.Requests.Calls("GET", ListRoute, 200));
        Assert.Equal(1, emulator.Requests.TokenRequests("refresh_token"));
        Assert.Equal(2, emulator.Requests.TokenRequests());
    }

    [Fact]
    public async Task TokenEndpoint500Twice_ThenSuccess_TheCallSucceeds()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        emulator.Faults.OnTokenEndpoint(EmulatorFault.Status(500), times: 2);
        var options = Options(emulator, EmulatorAccounts.Supplier, CymbioScopes.ReadOrders);
        options.Tokens.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
        using var cymbio = new CymbioClient(options);

        var list = await cymbio.Supplier.Fulfillments.ListAsync();

        Assert.NotEmpty(list);
        Assert.Equal(3, emulator.Requests.TokenRequests("client_credentials"));
        Assert.Equal(1, emulator.Requests.Calls("GET", ListRoute));
    }

    [Fact]
    public async Task MalformedTokenJson_IsATokenEndpointException_AndNothingIsSent()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        emulator.Faults.OnTokenEndpoint(EmulatorFault.MalformedJson(), times: null);
        var options = Options(emulator, EmulatorAccounts.Supplier, CymbioScopes.ReadOrders);
        options.Tokens.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
        using var cymbio = new CymbioClient(options);

        await Assert.ThrowsAnyAsync<TokenEndpointException>(() => cymbio.Supplier.Fulfillments.ListAsync());

        Assert.Equal(0, emulator.Requests.Calls("GET", ListRoute));
    }

    [Fact]
    public async Task SlowTokenEndpoint_TheCallerCancels_AndIsReleasedPromptly()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        emulator.Faults.OnTokenEndpoint(EmulatorFault.Delay(TimeSpan.FromSeconds(30)), times: null);
        using var cymbio = new CymbioClient(Options(emulator, EmulatorAccounts.Supplier, CymbioScopes.ReadOrders));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cymbio.Supplier.Fulfillments.ListAsync(cancellationToken: cancel.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"released after {watch.Elapsed}");
        Assert.Equal(0, emulator.Requests.Calls("GET", ListRoute));
    }

    [Fact]
    public async Task FiveHundredConcurrentCalls_OnAColdCache_MakeExactlyOneTokenRequest()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        using var cymbio = new CymbioClient(Options(emulator, EmulatorAccounts.Supplier, CymbioScopes.ReadOrders));

        var calls = Enumerable.Range(0, 500).Select(_ => Task.Run(() => cymbio.Supplier.Fulfillments.GetAsync(929))).ToArray();
        var results = await Task.WhenAll(calls);

        Assert.All(results, f => Assert.Equal(929, f.Id));
        Assert.Equal(1, emulator.Requests.TokenRequests());
        Assert.Equal(500, emulator.Requests.Calls("GET", "/v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}", 200));
    }

    [Fact]
    public async Task ExpiryOnTheEmulatorsClock_IsRenewedInTheBackground_WithNoCallerWaiting()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));
        await using var emulator = await CymbioEmulator.StartAsync(new CymbioEmulatorOptions { TimeProvider = clock });
        using var cymbio = new CymbioClient(Options(emulator, EmulatorAccounts.Supplier, CymbioScopes.ReadOrders), clock);
        await cymbio.Supplier.Fulfillments.GetAsync(929);
        var readOrders = ScopeSet.Create(CymbioScopes.ReadOrders);
        var first = (await cymbio.TokenProvider.GetTokenAsync(readOrders)).AccessToken;

        // The renewal's token request will hang (on the emulator's clock) until the clock moves again: the call that
        // starts it must not wait for it.
        emulator.Faults.OnTokenEndpoint(EmulatorFault.Delay(TimeSpan.FromSeconds(5)));
        clock.Advance(TimeSpan.FromSeconds(260));   // past the renewal point (80 % ± 3 % of 300 s), before the usable end (270 s)
        await cymbio.Supplier.Fulfillments.GetAsync(929).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, emulator.Requests.TokenRequests());

        // Move the clock a second at a time until the delayed token request is answered (the emulator starts its
        // delay when the request arrives, which this thread cannot observe directly).
        await WaitUntilAsync(() =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return emulator.Requests.TokenRequests() == 2;
        });
        Assert.True(clock.GetUtcNow() < emulator.Tokens.Issued[0].IssuedAt.AddSeconds(270), "renewed before the usable end");
        // …and until the client has taken the renewed token (the response may still be on its way when the emulator logs it).
        await WaitUntilAsync(() => cymbio.TokenProvider.GetTokenAsync(readOrders).AsTask().Result.AccessToken != first);
        clock.Advance(TimeSpan.FromSeconds(45));    // the first token has expired at the emulator
        await cymbio.Supplier.Fulfillments.GetAsync(929);

        Assert.Equal(2, emulator.Requests.TokenRequests());
        Assert.Equal(0, emulator.Requests.Calls("GET", "/v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}", 401));
        Assert.Equal(3, emulator.Requests.Calls("GET", "/v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}", 200));
    }

    [Fact]
    [Trait("Category", "Reliability")]
    public async Task TokenEndpointDownAtRenewal_CallersNeverWait_RenewedByTheFirstRequestAfterRecovery_BeforeTheUsableEnd()
    {
        const string GetRoute = "/v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}";
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));
        await using var emulator = await CymbioEmulator.StartAsync(new CymbioEmulatorOptions { TimeProvider = clock });
        var options = Options(emulator, EmulatorAccounts.Supplier, CymbioScopes.ReadOrders);

        // Renewal at 249 s, the latest the defaults allow (80 % + 3 % of 300 s), every run: the hardest case.
        options.Tokens.RefreshAfter = 0.83;
        options.Tokens.RefreshJitter = 0;
        using var cymbio = new CymbioClient(options, clock);
        var readOrders = ScopeSet.Create(CymbioScopes.ReadOrders);
        await cymbio.Supplier.Fulfillments.GetAsync(929);
        var old = await cymbio.TokenProvider.GetTokenAsync(readOrders);
        var issued = emulator.Tokens.Issued.Single().IssuedAt;
        TimeSpan Age() => clock.GetUtcNow() - issued;
        var down = TimeSpan.FromSeconds(230);
        var up = TimeSpan.FromSeconds(262);
        var usableEnd = TimeSpan.FromSeconds(270);   // 300 s less the 10 % margin

        // The token endpoint answers 503 from 230 s to 262 s of the token's life.
        clock.Advance(down);
        var outage = emulator.Faults.OnTokenEndpoint(EmulatorFault.Status(503), times: null);
        TimeSpan? lastCall = null;
        while (true)
        {
            Assert.True(Age() < usableEnd, $"Not renewed by the usable end; token requests at {TokenRequestTimes(emulator, issued)}.");
            if (Age() >= up)
            {
                outage?.Dispose();
                outage = null;
            }

            // Every caller gets a token at once, while the clock stands still: none waits on a token request (whose
            // retries back off on this clock). The old one, until the renewal has landed.
            var token = cymbio.TokenProvider.GetTokenAsync(readOrders);
            Assert.True(token.IsCompletedSuccessfully, $"A caller waited for a token at {Age().TotalSeconds} s.");
            if ((await token).AccessToken != old.AccessToken)
            {
                break;
            }

            // One API call a second, answered with the clock standing still.
            if (lastCall is null || Age() - lastCall >= TimeSpan.FromSeconds(1))
            {
                await cymbio.Supplier.Fulfillments.GetAsync(929).WaitAsync(TimeSpan.FromSeconds(10));
                lastCall = Age();
            }

            // Real time for the background attempt in flight, if any, to reach the emulator before the clock moves.
            await Task.Delay(15);
            clock.Advance(TimeSpan.FromMilliseconds(250));
        }

        outage?.Dispose();
        var renewal = emulator.Tokens.Issued[1];
        var tokenRequests = emulator.Requests.Records.Where(r => r.IsTokenRequest && r.Timestamp >= issued + down).ToList();
        var faulted = tokenRequests.Where(static r => r.Fault is not null).ToList();
        var firstAfterRecovery = tokenRequests.First(static r => r.Fault is null);
        var calls = emulator.Requests.Records.Where(r => r.Route == GetRoute && r.Timestamp >= issued + down).ToList();

        // The background attempts ran into the outage (several token requests, all 503, all inside it), and the first
        // token request after it renewed the token, before the usable end.
        Assert.True(faulted.Count >= 2, TokenRequestTimes(emulator, issued));
        Assert.All(faulted, r => Assert.InRange(r.Timestamp - issued, down, up));
        Assert.All(faulted, r => Assert.Equal(503, r.StatusCode));
        Assert.Equal(200, firstAfterRecovery.StatusCode);
        Assert.Equal(firstAfterRecovery.Timestamp, renewal.IssuedAt);
        Assert.Equal(2, emulator.Tokens.Issued.Count);
        Assert.True(renewal.IssuedAt - issued < usableEnd, TokenRequestTimes(emulator, issued));

        // Every API call of the window was answered 200, and before the renewal the old token was the only one there was.
        Assert.True(calls.Count >= (int)(up - down).TotalSeconds, $"{calls.Count} calls");
        Assert.All(calls, r => Assert.Equal(200, r.StatusCode));
        Assert.All(calls, r => Assert.True(r.Timestamp <= renewal.IssuedAt));
        Assert.Equal(0, emulator.Requests.Calls("GET", GetRoute, 401));
    }

    private static string TokenRequestTimes(CymbioEmulator emulator, DateTimeOffset issued) =>
        string.Join(", ", emulator.Requests.Records.Where(static r => r.IsTokenRequest).Select(r => $"{(r.Timestamp - issued).TotalSeconds} s: {r.StatusCode}"));

    private static CymbioClientOptions Options(CymbioEmulator emulator, string account, params string[] grants)
    {
        var options = new CymbioClientOptions();
        Configure(options, emulator, account, grants);
        return options;
    }

    /// <summary>Points the options at the emulator with one of its accounts' credentials and ids, and the grants given.</summary>
    internal static void Configure(CymbioClientOptions options, CymbioEmulator emulator, string account, params string[] grants)
    {
        var a = emulator.Account(account);
        options.BaseAddress = emulator.BaseAddress;
        options.ClientId = a.ClientId;
        options.ClientSecret = a.ClientSecret;
        options.SupplierId = a.SupplierId;
        options.RetailerId = a.RetailerId;
        foreach (var grant in grants)
        {
            options.Grants.Add(grant);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "timed out waiting for the emulator");
            await Task.Delay(100);
        }
    }

    /// <summary>A provider that hands out the read-only account's tokens whatever is asked: the client's own scope check never sees the gap.</summary>
    private sealed class ReadOnlyTokens(ICymbioTokenProvider readOnly) : ICymbioTokenProvider
    {
        public ValueTask<CymbioToken> GetTokenAsync(ScopeSet scopes, CancellationToken cancellationToken = default) =>
            readOnly.GetTokenAsync(ScopeSet.Create(CymbioScopes.ReadOrders), cancellationToken);

        public ValueTask<CymbioToken> RenewAsync(CymbioToken rejected, CancellationToken cancellationToken = default) =>
            readOnly.RenewAsync(rejected, cancellationToken);
    }
}
