using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Cymbio.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cymbio.Emulator.Tests;

/// <summary>The token endpoint as an RFC 6749 client sees it: grants, scopes, errors, shapes, lifetimes.</summary>
public sealed class TokenEndpointTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private CymbioEmulator _cymbio = null!;

    public async Task InitializeAsync() => _cymbio = await CymbioEmulator.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _cymbio.DisposeAsync();
    }

    private EmulatorAccount Supplier => _cymbio.Account(EmulatorAccounts.Supplier);

    [Fact]
    public async Task ClientCredentials_WithoutScope_IssuesEveryAllowedScope_As300SecondBearerToken()
    {
        using var response = await TokenForm.ClientCredentialsAsync(_http, _cymbio, Supplier);
        var json = await TokenForm.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("Bearer", json.GetProperty("token_type").GetString());
        Assert.Equal(300, json.GetProperty("expires_in").GetInt32());
        Assert.Equal(Supplier.AllowedScopes, ScopeSet.Parse(json.GetProperty("scope").GetString()!));
        Assert.StartsWith("cym_at_", json.GetProperty("access_token").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("refresh_token").GetString()));
    }

    [Theory]
    [InlineData("read:orders write:fulfillments")]
    [InlineData("read:orders,write:fulfillments")]
    public async Task AllowedSubset_IsIssued_AndReturnedInScope(string requested)
    {
        using var response = await TokenForm.ClientCredentialsAsync(_http, _cymbio, Supplier, requested);
        var json = await TokenForm.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ScopeSet.Create("read:orders", "write:fulfillments"), ScopeSet.Parse(json.GetProperty("scope").GetString()!));
        Assert.Equal(ScopeSet.Create("read:orders", "write:fulfillments"), _cymbio.Tokens.Issued.Single().Scopes);
    }

    [Theory]
    [InlineData("write:inventory", "is not allowed for this client")]
    [InlineData("read:ordres", "is not a Cymbio scope")]
    public async Task UnallowedOrUnknownScope_IsInvalidScope(string requested, string reason)
    {
        var readOnly = _cymbio.Account(EmulatorAccounts.ReadOnlySupplier);
        using var response = await TokenForm.ClientCredentialsAsync(_http, _cymbio, readOnly, "read:orders " + requested);
        var json = await TokenForm.JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_scope", json.GetProperty("error").GetString());
        Assert.Contains(reason, json.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        Assert.Empty(_cymbio.Tokens.Issued);
    }

    [Fact]
    public async Task PasswordGrant_NeedsTheAccountsUser()
    {
        using var ok = await TokenForm.PostAsync(_http, _cymbio, ("grant_type", "password"), ("client_id", Supplier.ClientId), ("client_secret", Supplier.ClientSecret),
            ("username", Supplier.Username!), ("password", Supplier.Password!), ("scope", "read:orders"));
        using var wrong = await TokenForm.PostAsync(_http, _cymbio, ("grant_type", "password"), ("client_id", Supplier.ClientId), ("client_secret", Supplier.ClientSecret),
            ("username", Supplier.Username!), ("password", "not-the-password"));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("invalid_grant", (await TokenForm.JsonAsync(wrong)).GetProperty("error").GetString());
        Assert.Equal(2, _cymbio.Requests.TokenRequests("password"));
    }

    [Fact]
    public async Task WrongSecret_IsInvalidClient_401_WithoutEchoingTheSecret()
    {
        using var response = await TokenForm.PostAsync(_http, _cymbio, ("grant_type", "client_credentials"), ("client_id", Supplier.ClientId), ("client_secret", "s3cr3t-guess"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("\"invalid_client\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-guess", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpBasicClientAuthentication_IsAccepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _cymbio.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Supplier.ClientId}:{Supplier.ClientSecret}")));
        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RefreshGrant_IssuesANewToken_AndUsesTheRefreshTokenUp()
    {
        using var first = await TokenForm.ClientCredentialsAsync(_http, _cymbio, Supplier, "read:orders");
        var refresh = (await TokenForm.JsonAsync(first)).GetProperty("refresh_token").GetString()!;

        (string, string)[] form = [("grant_type", "refresh_token"), ("client_id", Supplier.ClientId), ("client_secret", Supplier.ClientSecret), ("refresh_token", refresh)];
        using var renewed = await TokenForm.PostAsync(_http, _cymbio, form);
        using var reused = await TokenForm.PostAsync(_http, _cymbio, form);

        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Equal("read:orders", (await TokenForm.JsonAsync(renewed)).GetProperty("scope").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal("invalid_grant", (await TokenForm.JsonAsync(reused)).GetProperty("error").GetString());
        Assert.Equal(2, _cymbio.Requests.TokenRequests("refresh_token"));
    }

    [Theory]
    [InlineData("authorization_code", "unsupported_grant_type")]
    [InlineData("", "invalid_request")]
    public async Task OtherGrants_AreRefused(string grant, string error)
    {
        using var response = await TokenForm.PostAsync(_http, _cymbio, ("grant_type", grant), ("client_id", Supplier.ClientId), ("client_secret", Supplier.ClientSecret));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(error, (await TokenForm.JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task JsonBody_IsInvalidRequest()
    {
        using var response = await _http.PostAsync(_cymbio.TokenEndpoint, new StringContent("{\"grant_type\":\"client_credentials\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await TokenForm.JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task CamelCaseShape_GivesAccessTokenExpiresAt_OnTheEmulatorsClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));
        await using var cymbio = await CymbioEmulator.StartAsync(new CymbioEmulatorOptions { TimeProvider = clock, TokenResponseShape = TokenResponseShape.CamelCase });
        using var response = await TokenForm.ClientCredentialsAsync(_http, cymbio, cymbio.Account(EmulatorAccounts.Supplier));
        var json = await TokenForm.JsonAsync(response);

        Assert.Equal("2026-12-04T10:05:00.000Z", json.GetProperty("accessTokenExpiresAt").GetString());
        Assert.False(json.TryGetProperty("access_token", out _));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("accessToken").GetString()));
    }

    [Fact]
    public void AccountToString_HasNoSecretOrPassword()
    {
        var text = Supplier.ToString();

        Assert.DoesNotContain(Supplier.ClientSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Supplier.Password!, text, StringComparison.Ordinal);
        Assert.Contains(Supplier.ClientId, text, StringComparison.Ordinal);
    }
}
