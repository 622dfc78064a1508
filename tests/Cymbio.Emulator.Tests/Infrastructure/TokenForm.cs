using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;

namespace Cymbio.Emulator.Tests.Infrastructure;

/// <summary>Raw token requests to an emulator, as any OAuth client would send them (no Cymbio.Client involved).</summary>
internal static class TokenForm
{
    public static Task<HttpResponseMessage> PostAsync(HttpClient http, CymbioEmulator emulator, params (string Key, string Value)[] fields) =>
        PostAsync(http, emulator.TokenEndpoint, fields);

    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, Uri tokenEndpoint, params (string Key, string Value)[] fields)
    {
        var form = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in fields)
        {
            form.Add(new(key, value));
        }

        return await http.PostAsync(tokenEndpoint, new FormUrlEncodedContent(form));
    }

    public static Task<HttpResponseMessage> ClientCredentialsAsync(HttpClient http, CymbioEmulator emulator, EmulatorAccount account, string? scope = null) =>
        ClientCredentialsAsync(http, emulator.TokenEndpoint, account, scope);

    /// <summary>A client-credentials token request to an emulator at <paramref name="tokenEndpoint"/> (one in another process, too).</summary>
    public static Task<HttpResponseMessage> ClientCredentialsAsync(HttpClient http, Uri tokenEndpoint, EmulatorAccount account, string? scope = null)
    {
        var fields = new List<(string, string)> { ("grant_type", "client_credentials"), ("client_id", account.ClientId), ("client_secret", account.ClientSecret) };
        if (scope is not null)
        {
            fields.Add(("scope", scope));
        }

        return PostAsync(http, tokenEndpoint, [.. fields]);
    }

    /// <summary>A client-credentials token for <paramref name="account"/>, asserting success.</summary>
    public static Task<string> AccessTokenAsync(HttpClient http, CymbioEmulator emulator, EmulatorAccount account, string? scope = null) =>
        AccessTokenAsync(http, emulator.TokenEndpoint, account, scope);

    /// <summary>A client-credentials token for <paramref name="account"/> from <paramref name="tokenEndpoint"/>, asserting success.</summary>
    public static async Task<string> AccessTokenAsync(HttpClient http, Uri tokenEndpoint, EmulatorAccount account, string? scope = null)
    {
        using var response = await ClientCredentialsAsync(http, tokenEndpoint, account, scope);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Token request failed: {(int)response.StatusCode}.");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    public static HttpRequestMessage Authorized(HttpMethod method, Uri uri, string token)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
