using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Cymbio.Emulator.Tests;

/// <summary>
/// An HttpClient for one emulator account over real loopback HTTP: it gets a token from the token endpoint
/// (client_credentials) and sends JSON requests with it.
/// </summary>
internal sealed class RouteTestClient : IDisposable
{
    private readonly HttpClient _http;

    private RouteTestClient(HttpClient http) => _http = http;

    public static async Task<RouteTestClient> ForAsync(CymbioEmulator cymbio, string accountName)
    {
        var account = cymbio.Account(accountName);
        var http = new HttpClient { BaseAddress = cymbio.BaseAddress };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = account.ClientId,
            ["client_secret"] = account.ClientSecret,
            ["grant_type"] = "client_credentials",
        });
        using var response = await http.PostAsync(cymbio.TokenEndpoint, form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"token: {(int)response.StatusCode} {body}");
        using var token = JsonDocument.Parse(body);
        var access = token.RootElement.TryGetProperty("access_token", out var a) ? a.GetString() : token.RootElement.GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return new RouteTestClient(http);
    }

    public static Task<RouteTestClient> SupplierAsync(CymbioEmulator cymbio) => ForAsync(cymbio, EmulatorAccounts.Supplier);

    public static Task<RouteTestClient> RetailerAsync(CymbioEmulator cymbio) => ForAsync(cymbio, EmulatorAccounts.Retailer);

    public async Task<Reply> SendAsync(string method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        return new Reply(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task<Reply> GetAsync(string path) => SendAsync("GET", path);

    public Task<Reply> PostAsync(string path, string json) => SendAsync("POST", path, json);

    public Task<Reply> PutAsync(string path, string json) => SendAsync("PUT", path, json);

    /// <summary>GETs and asserts 200; the body parsed.</summary>
    public async Task<JsonElement> GetOkAsync(string path)
    {
        var reply = await GetAsync(path);
        reply.AssertStatus(HttpStatusCode.OK);
        return reply.Json;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>A response: status and body text.</summary>
    public sealed record Reply(HttpStatusCode Status, string Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

        public string Message => Json.GetProperty("message").GetString() ?? string.Empty;

        public Reply AssertStatus(HttpStatusCode expected)
        {
            Assert.True(Status == expected, $"expected {(int)expected}, got {(int)Status}: {Body}");
            return this;
        }

        /// <summary>Asserts the status and that the message contains <paramref name="text"/>.</summary>
        public Reply AssertError(HttpStatusCode expected, string text)
        {
            AssertStatus(expected);
            Assert.Contains(text, Message, StringComparison.Ordinal);
            return this;
        }
    }
}
