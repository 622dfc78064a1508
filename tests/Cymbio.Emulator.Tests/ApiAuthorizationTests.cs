using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Cymbio.Api.Suppliers;
using Cymbio.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cymbio.Emulator.Tests;

/// <summary>Bearer tokens and scopes on the API routes (RFC 6750 challenges), from Cymbio.Api's generated scope tables.</summary>
public sealed class ApiAuthorizationTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private CymbioEmulator _cymbio = null!;

    public async Task InitializeAsync() => _cymbio = await CymbioEmulator.StartAsync(new CymbioEmulatorOptions { TimeProvider = _clock });

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _cymbio.DisposeAsync();
    }

    private Uri Fulfillments(long supplier = EmulatorAccounts.SupplierId) => new(_cymbio.BaseAddress, $"v3/suppliers/{supplier}/fulfillments");

    [Fact]
    public void EveryRoute_RequiresTheScopesOfCymbioApisTable()
    {
        var list = CymbioEmulator.Routes.Single(r => r is { Method: "GET", Template: "/v3/suppliers/{supplierId}/fulfillments" });
        var registered = CymbioScopeRegistry.GetOperations(typeof(ISupplierFulfillmentsApi)).Single(o => o.MethodName == nameof(ISupplierFulfillmentsApi.ListAsync));

        Assert.Equal(registered.Scopes, list.Scopes);
        Assert.Contains("ISupplierFulfillmentsApi.ListAsync", list.Operations);
        Assert.All(CymbioEmulator.Routes, r => Assert.False(r.Scopes.IsEmpty, r.Key));
        Assert.Equal(CymbioScopes.All.Order(StringComparer.Ordinal), CymbioEmulator.Routes.SelectMany(static r => r.Scopes).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NoToken_Is401InvalidToken_WithMessageBody()
    {
        using var response = await _http.GetAsync(Fulfillments());

        await AssertInvalidTokenAsync(response, "no bearer token");
    }

    [Fact]
    public async Task UnknownToken_Is401InvalidToken()
    {
        using var response = await _http.SendAsync(TokenForm.Authorized(HttpMethod.Get, Fulfillments(), "cym_at_made-up"));

        await AssertInvalidTokenAsync(response, "not one this server issued");
    }

    [Fact]
    public async Task ExpiredToken_Is401_OnTheEmulatorsClock()
    {
        var token = await TokenForm.AccessTokenAsync(_http, _cymbio, _cymbio.Account(EmulatorAccounts.Supplier));
        _clock.Advance(TimeSpan.FromSeconds(299));
        using var stillValid = await _http.SendAsync(TokenForm.Authorized(HttpMethod.Get, Fulfillments(), token));
        _clock.Advance(TimeSpan.FromSeconds(1));
        using var expired = await _http.SendAsync(TokenForm.Authorized(HttpMethod.Get, Fulfillments(), token));

        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        await AssertInvalidTokenAsync(expired, "expired");
    }

    [Fact]
    public async Task RevokedToken_Is401()
    {
        var token = await TokenForm.AccessTokenAsync(_http, _cymbio, _cymbio.Account(EmulatorAccounts.Supplier));
        Assert.Equal(1, _cymbio.Tokens.RevokeAll());
        using var response = await _http.SendAsync(TokenForm.Authorized(HttpMethod.Get, Fulfillments(), token));

        await AssertInvalidTokenAsync(response, "revoked");
        Assert.True(_cymbio.Tokens.Issued.Single().Revoked);
    }

    [Fact]
    public async Task MissingScope_Is403InsufficientScope_NamingTheRoutesScope()
    {
        var token = await TokenForm.AccessTokenAsync(_http, _cymbio, _cymbio.Account(EmulatorAccounts.Supplier), "read:orders");
        using var request = TokenForm.Authorized(HttpMethod.Put, new Uri(_cymbio.BaseAddress, $"v3/suppliers/88/fulfillments/{EmulatorData.Seeded.NewFulfillments[0]}/setStatus/accepted"), token);
        request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        var challenge = response.Headers.WwwAuthenticate.Single();
        var json = await TokenForm.JsonAsync(response);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"insufficient_scope\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Contains("scope=\"write:fulfillments\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Contains("write:fulfillments", json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(FulfillmentStates.New, _cymbio.Data.Fulfillment(EmulatorData.Seeded.NewFulfillments[0])!.FulfillmentState);
        Assert.Equal("insufficient_scope", _cymbio.Requests.Records.Last().Error);
    }

    [Fact]
    public async Task AnotherSuppliersPath_Is403_WithoutData()
    {
        var token = await TokenForm.AccessTokenAsync(_http, _cymbio, _cymbio.Account(EmulatorAccounts.Supplier));
        using var response = await _http.SendAsync(TokenForm.Authorized(HttpMethod.Get, Fulfillments(99), token));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("no access to supplier 99", body, StringComparison.Ordinal);
        Assert.DoesNotContain("OTHER-1", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestLog_CountsCallsByRouteAndStatus_AndTokenRequestsByGrant()
    {
        var token = await TokenForm.AccessTokenAsync(_http, _cymbio, _cymbio.Account(EmulatorAccounts.Supplier));
        (await _http.SendAsync(TokenForm.Authorized(HttpMethod.Get, Fulfillments(), token))).Dispose();
        (await _http.GetAsync(Fulfillments())).Dispose();

        Assert.Equal(1, _cymbio.Requests.TokenRequests("client_credentials"));
        Assert.Equal(1, _cymbio.Requests.Calls("GET", "/v3/suppliers/{supplierId}/fulfillments", 200));
        Assert.Equal(1, _cymbio.Requests.Calls("GET", "/v3/suppliers/{supplierId}/fulfillments", 401));
        var ok = _cymbio.Requests.Records.Single(r => r.StatusCode == 200 && !r.IsTokenRequest);
        Assert.Equal(EmulatorAccounts.Supplier, ok.Account);
        Assert.Equal(ScopeSet.Create("read:orders"), ok.RequiredScopes);
        Assert.Equal("ISupplierFulfillmentsApi.ListAsync", ok.Operation);
    }

    private static async Task AssertInvalidTokenAsync(HttpResponseMessage response, string reason)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = response.Headers.WwwAuthenticate.Single();
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Contains(reason, (await TokenForm.JsonAsync(response)).GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
