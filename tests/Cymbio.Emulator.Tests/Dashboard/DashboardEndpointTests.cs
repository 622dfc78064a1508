using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Cymbio.Emulator.Tests.Infrastructure;
using Xunit;

namespace Cymbio.Emulator.Tests.Dashboard;

/// <summary>
/// The dashboard's server side over real HTTP: the page and its assets, the server-sent events (snapshot, tokens,
/// requests with their denials, revocations, faults) and the fault switches with their guards.
/// </summary>
public sealed class DashboardEndpointTests : IAsyncLifetime
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private CymbioEmulator _cymbio = null!;

    public async Task InitializeAsync() => _cymbio = await CymbioEmulator.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _cymbio.DisposeAsync();
    }

    private EmulatorAccount Supplier => _cymbio.Account(EmulatorAccounts.Supplier);

    [Fact]
    public async Task ThePage_IsServedWithItsAssets_UnderAStrictContentSecurityPolicy_AndIsNotLogged()
    {
        Assert.Equal(new Uri(_cymbio.BaseAddress, "_dashboard/"), _cymbio.DashboardAddress);
        using var page = await _http.GetAsync(_cymbio.DashboardAddress);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("<script src=\"/_dashboard/dashboard.js\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);

        using var script = await _http.GetAsync(new Uri(_cymbio.DashboardAddress!, "dashboard.js"));
        using var style = await _http.GetAsync(new Uri(_cymbio.DashboardAddress!, "dashboard.css"));
        using var missing = await _http.GetAsync(new Uri(_cymbio.DashboardAddress!, "nothing-here"));
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("EventSource", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/css", style.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // The dashboard's own requests are not Cymbio traffic.
        Assert.Empty(_cymbio.Requests.Records);
    }

    [Fact]
    public async Task TheEvents_StartWithASnapshot_ThenCarryTokensRequestsDenialsAndRevocations()
    {
        // Traffic before the page connects is in its snapshot.
        var before = await TokenForm.AccessTokenAsync(_http, _cymbio, Supplier, "read:orders");
        await using var events = await DashboardEventStream.OpenAsync(_http, _cymbio);
        Assert.Equal("text/event-stream", events.ContentType);
        var (kind, snapshot) = await events.NextAsync(Soon);
        Assert.Equal("snapshot", kind);
        Assert.Equal(_cymbio.BaseAddress.ToString(), snapshot.GetProperty("baseAddress").GetString());
        var first = Assert.Single(snapshot.GetProperty("tokens").EnumerateArray());
        Assert.Equal("supplier", first.GetProperty("account").GetString());
        Assert.Equal(["read:orders"], first.GetProperty("scopes").EnumerateArray().Select(static s => s.GetString()));
        Assert.False(first.GetProperty("renewal").GetBoolean());
        Assert.Single(snapshot.GetProperty("requests").EnumerateArray());

        // A second token for the same account and scopes is a renewal.
        var token = await TokenForm.AccessTokenAsync(_http, _cymbio, Supplier, "read:orders");
        var issued = await events.NextAsync("token", static _ => true, Soon);
        Assert.True(issued.GetProperty("data").GetProperty("renewal").GetBoolean());
        var expiresIn = issued.GetProperty("data").GetProperty("expiresAt").GetDateTimeOffset() - issued.GetProperty("serverNow").GetDateTimeOffset();
        Assert.InRange(expiresIn.TotalSeconds, 290, 300);

        // A call the token's scopes do not cover: 403, the missing scope, the SDK method of the route.
        using var denied = await _http.SendAsync(TokenForm.Authorized(HttpMethod.Get, new Uri(_cymbio.BaseAddress, "v3/suppliers/88/inventory"), token));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var request = (await events.NextAsync("request", static e => e.GetProperty("data").GetProperty("status").GetInt32() == 403, Soon)).GetProperty("data");
        Assert.True(request.GetProperty("denied").GetBoolean());
        Assert.Equal(["read:inventory"], request.GetProperty("missingScopes").EnumerateArray().Select(static s => s.GetString()));
        Assert.Equal(["read:orders"], request.GetProperty("tokenScopes").EnumerateArray().Select(static s => s.GetString()));
        Assert.Equal("ISupplierInventoryApi.ListAsync", request.GetProperty("operation").GetString());
        Assert.Equal("/v3/suppliers/{supplierId}/inventory", request.GetProperty("route").GetString());
        Assert.Equal("insufficient_scope", request.GetProperty("error").GetString());

        // Revoked tokens, then a 401 with one of them.
        Assert.Equal(2, _cymbio.Tokens.Revoke("supplier"));
        var revoked = await events.NextAsync("revoked", static _ => true, Soon);
        Assert.Equal(2, revoked.GetProperty("data").GetArrayLength());
        using var unauthorized = await _http.SendAsync(TokenForm.Authorized(HttpMethod.Get, new Uri(_cymbio.BaseAddress, "v3/suppliers/88/fulfillments"), before));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        var refused = (await events.NextAsync("request", static e => e.GetProperty("data").GetProperty("status").GetInt32() == 401, Soon)).GetProperty("data");
        Assert.True(refused.GetProperty("denied").GetBoolean());
        Assert.Empty(refused.GetProperty("missingScopes").EnumerateArray());
        Assert.Equal("invalid_token", refused.GetProperty("error").GetString());
    }

    [Fact]
    public async Task TheFaultSwitches_TakeTheTokenEndpointDownAndBackUp_AndAreSeenByEveryPage()
    {
        await using var events = await DashboardEventStream.OpenAsync(_http, _cymbio);
        await events.NextAsync(Soon);

        using var on = await PostSwitchesAsync("""{"tokenEndpointDown":true,"tooManyRequestsRetryAfterSeconds":7,"slowResponsesMilliseconds":null}""");
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        var published = await events.NextAsync("faults", static _ => true, Soon);
        Assert.True(published.GetProperty("data").GetProperty("tokenEndpointDown").GetBoolean());
        Assert.Equal(7, published.GetProperty("data").GetProperty("tooManyRequestsRetryAfterSeconds").GetInt32());
        Assert.Equal(2, published.GetProperty("data").GetProperty("rules").GetArrayLength());

        using (var down = await TokenForm.ClientCredentialsAsync(_http, _cymbio, Supplier))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        }

        using (var down = await TokenForm.ClientCredentialsAsync(_http, _cymbio, Supplier))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        }

        using var off = await PostSwitchesAsync("""{"tokenEndpointDown":false,"tooManyRequestsRetryAfterSeconds":7,"slowResponsesMilliseconds":null}""");
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        var token = await TokenForm.AccessTokenAsync(_http, _cymbio, Supplier, "read:orders");
        using var limited = await _http.SendAsync(TokenForm.Authorized(HttpMethod.Get, new Uri(_cymbio.BaseAddress, "v3/suppliers/88/fulfillments"), token));
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), limited.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task TheSwitches_FollowRulesRemovedBehindTheirBack()
    {
        await using var events = await DashboardEventStream.OpenAsync(_http, _cymbio);
        await events.NextAsync(Soon);
        using var on = await PostSwitchesAsync("""{"tokenEndpointDown":true,"tooManyRequestsRetryAfterSeconds":null,"slowResponsesMilliseconds":250}""");
        await events.NextAsync("faults", static e => e.GetProperty("data").GetProperty("tokenEndpointDown").GetBoolean(), Soon);

        _cymbio.Faults.Clear();

        var cleared = (await events.NextAsync("faults", static _ => true, Soon)).GetProperty("data");
        Assert.False(cleared.GetProperty("tokenEndpointDown").GetBoolean());
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("slowResponsesMilliseconds").ValueKind);
        Assert.Empty(cleared.GetProperty("rules").EnumerateArray());

        // Switched on again from the page, the fault plays again.
        using var again = await PostSwitchesAsync("""{"tokenEndpointDown":true,"tooManyRequestsRetryAfterSeconds":null,"slowResponsesMilliseconds":null}""");
        using var down = await TokenForm.ClientCredentialsAsync(_http, _cymbio, Supplier);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
    }

    [Theory]
    [InlineData("text/plain", null, """{"tokenEndpointDown":true}""", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/x-www-form-urlencoded", null, "tokenEndpointDown=true", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json", "http://evil.example", """{"tokenEndpointDown":true}""", HttpStatusCode.Forbidden)]
    [InlineData("application/json", null, "not json", HttpStatusCode.BadRequest)]
    [InlineData("application/json", null, """{"tokenEndpointDown":true,"tooManyRequestsRetryAfterSeconds":0}""", HttpStatusCode.BadRequest)]
    [InlineData("application/json", null, """{"tokenEndpointDown":true,"slowResponsesMilliseconds":600000}""", HttpStatusCode.BadRequest)]
    public async Task TheFaultSwitches_RefuseWhatThePageWouldNotSend_AndChangeNothing(string contentType, string? origin, string body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_cymbio.DashboardAddress!, "faults"))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await _http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(_cymbio.Faults.Rules);
        using var token = await TokenForm.ClientCredentialsAsync(_http, _cymbio, Supplier);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task ARequestForAnotherHostName_IsRefused_AsAfterDnsRebinding()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_cymbio.DashboardAddress!, "faults"))
        {
            Content = new StringContent("""{"tokenEndpointDown":true}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Host = "rebound.example:" + _cymbio.BaseAddress.Port;
        request.Headers.Add("Origin", "http://rebound.example:" + _cymbio.BaseAddress.Port);
        using var page = new HttpRequestMessage(HttpMethod.Get, _cymbio.DashboardAddress);
        page.Headers.Host = "rebound.example";

        using var switched = await _http.SendAsync(request);
        using var read = await _http.SendAsync(page);

        Assert.Equal(HttpStatusCode.Forbidden, switched.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Empty(_cymbio.Faults.Rules);
        using var localhost = new HttpRequestMessage(HttpMethod.Get, _cymbio.DashboardAddress);
        localhost.Headers.Host = "localhost:" + _cymbio.BaseAddress.Port;
        using var allowed = await _http.SendAsync(localhost);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Stopping_WithAPageConnected_DoesNotWaitForThePage()
    {
        await using var events = await DashboardEventStream.OpenAsync(_http, _cymbio);
        await events.NextAsync(Soon);

        var stopwatch = Stopwatch.StartNew();
        await _cymbio.DisposeAsync();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"Stopping took {stopwatch.Elapsed}.");
    }

    [Fact]
    public async Task WithTheDashboardOff_ThereIsNoPage()
    {
        await using var plain = await CymbioEmulator.StartAsync(new CymbioEmulatorOptions { Dashboard = false });
        using var response = await _http.GetAsync(new Uri(plain.BaseAddress, "_dashboard/"));

        Assert.Null(plain.DashboardAddress);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostSwitchesAsync(string json) =>
        _http.PostAsync(new Uri(_cymbio.DashboardAddress!, "faults"), new StringContent(json, Encoding.UTF8, "application/json"));
}
