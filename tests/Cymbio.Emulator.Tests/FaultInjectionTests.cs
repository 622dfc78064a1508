using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Cymbio.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cymbio.Emulator.Tests;

/// <summary>Injected faults on the token endpoint and on routes, counted down and logged.</summary>
public sealed class FaultInjectionTests : IAsyncLifetime
{
    private const string ListRoute = "/v3/suppliers/{supplierId}/fulfillments";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private CymbioEmulator _cymbio = null!;

    public async Task InitializeAsync() => _cymbio = await CymbioEmulator.StartAsync(new CymbioEmulatorOptions { TimeProvider = _clock });

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _cymbio.DisposeAsync();
    }

    private EmulatorAccount Supplier => _cymbio.Account(EmulatorAccounts.Supplier);

    [Fact]
    public async Task TokenEndpoint_500Twice_ThenSucceeds()
    {
        _cymbio.Faults.OnTokenEndpoint(EmulatorFault.Status(500), times: 2);

        using var first = await TokenForm.ClientCredentialsAsync(_http, _cymbio, Supplier);
        using var second = await TokenForm.ClientCredentialsAsync(_http, _cymbio, Supplier);
        using var third = await TokenForm.ClientCredentialsAsync(_http, _cymbio, Supplier);

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal("server_error", (await TokenForm.JsonAsync(first)).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.InternalServerError, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Empty(_cymbio.Faults.Rules);
        Assert.Equal(3, _cymbio.Requests.TokenRequests("client_credentials"));
    }

    [Fact]
    public async Task TooManyRequests_CarriesRetryAfterInSeconds()
    {
        _cymbio.Faults.OnTokenEndpoint(EmulatorFault.TooManyRequests(TimeSpan.FromSeconds(2.5)));

        using var response = await TokenForm.ClientCredentialsAsync(_http, _cymbio, Supplier);

        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task MalformedJson_OnTheTokenEndpoint_Is200WithABodyThatDoesNotParse()
    {
        _cymbio.Faults.OnTokenEndpoint(EmulatorFault.MalformedJson());

        using var response = await TokenForm.ClientCredentialsAsync(_http, _cymbio, Supplier);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task Delay_WaitsOnTheEmulatorsClock_AndEndsWhenTheCallerGivesUp()
    {
        _cymbio.Faults.OnTokenEndpoint(EmulatorFault.Delay(TimeSpan.FromSeconds(30)), times: null);
        using var cancel = new CancellationTokenSource();

        var pending = TokenForm.ClientCredentialsAsync(_http, _cymbio, Supplier);
        await Task.Delay(200);
        Assert.False(pending.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(30));
        using var answered = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Single(_cymbio.Faults.Rules);
    }

    [Fact]
    public async Task RouteFault_HitsOnlyThatRoute_AndIsRemovedByDisposingIt()
    {
        var token = await TokenForm.AccessTokenAsync(_http, _cymbio, Supplier);
        var rule = _cymbio.Faults.OnRoute("GET", ListRoute, EmulatorFault.Status(503), times: null);

        using var faulted = await _http.SendAsync(TokenForm.Authorized(HttpMethod.Get, new Uri(_cymbio.BaseAddress, "v3/suppliers/88/fulfillments"), token));
        using var other = await _http.SendAsync(TokenForm.Authorized(HttpMethod.Get, new Uri(_cymbio.BaseAddress, "v3/suppliers/88/fulfillments/929"), token));
        rule.Dispose();
        using var healed = await _http.SendAsync(TokenForm.Authorized(HttpMethod.Get, new Uri(_cymbio.BaseAddress, "v3/suppliers/88/fulfillments"), token));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        Assert.Contains("Injected fault", (await TokenForm.JsonAsync(faulted)).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, healed.StatusCode);
        Assert.Equal("status 503", Assert.Single(_cymbio.Requests.Records, r => r.StatusCode == 503).Fault);
    }

    [Fact]
    public void FaultArguments_AreChecked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.Status(200));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.Delay(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _cymbio.Faults.OnTokenEndpoint(EmulatorFault.MalformedJson(), times: 0));
    }
}
