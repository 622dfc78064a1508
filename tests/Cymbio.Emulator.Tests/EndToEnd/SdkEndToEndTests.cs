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
