using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Cymbio.Client.Tests.Infrastructure;

/// <summary>The scripted server, driven by a plain <see cref="HttpClient"/>.</summary>
public sealed class ScriptedCymbioServerTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private ScriptedCymbioServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await ScriptedCymbioServer.StartAsync();
        _client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = _server.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value)));

    private Task<HttpResponseMessage> PostTokenAsync(CancellationToken cancellationToken = default, params (string Name, string Value)[] fields) =>
        _client.PostAsync("oauth/token", Form(fields), cancellationToken);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [Fact]
    public void BaseAddress_IsLoopbackWithBoundPortAndTrailingSlash()
    {
        Assert.Equal("127.0.0.1", _server.BaseAddress.Host);
        Assert.NotEqual(0, _server.BaseAddress.Port);
        Assert.Equal("/", _server.BaseAddress.AbsolutePath);
        Assert.Equal(new Uri(_server.BaseAddress, "oauth/token"), _server.TokenEndpoint);
    }

    [Fact]
    public async Task TokenRequest_IsRecordedWithFormFieldsAndAnsweredWithAMintedToken()
    {
        using var response = await PostTokenAsync(
            default,
            ("grant_type", "client_credentials"),
            ("client_id", "cid"),
            ("client_secret", "s3cret&="),
            ("scope", "read:orders write:orders"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, _server.TokenRequestCount);
        Assert.Equal(0, _server.ApiRequestCount);

        var record = Assert.Single(_server.TokenRequests);
        Assert.Equal(1, record.Sequence);
        Assert.Equal("POST", record.Method);
        Assert.Equal("/oauth/token", record.Path);
        Assert.Equal(string.Empty, record.QueryString);
        Assert.StartsWith("application/x-www-form-urlencoded", record.ContentType, StringComparison.Ordinal);
        Assert.Equal("client_credentials", record.Form["grant_type"]);
        Assert.Equal("cid", record.Form["client_id"]);
        Assert.Equal("s3cret&=", record.Form["client_secret"]);
        Assert.Equal("read:orders write:orders", record.Form["scope"]);
        Assert.Equal("grant_type=client_credentials&client_id=cid&client_secret=s3cret%26%3D&scope=read%3Aorders+write%3Aorders", record.RawBody);
        Assert.Equal(["127.0.0.1:" + _server.BaseAddress.Port], record.Header("Host"));
        Assert.Empty(record.Authorization);
        Assert.Equal(RequestOutcome.Responded, await record.Completion.WaitAsync(Bound));

        var json = await JsonAsync(response);
        var accessToken = json.GetProperty("access_token").GetString()!;
        Assert.Equal("AT-client_credentials-cid-read:orders+write:orders-1", accessToken);
        Assert.Equal("Bearer", json.GetProperty("token_type").GetString());
        Assert.Equal(300, json.GetProperty("expires_in").GetInt32());
        Assert.Equal("read:orders write:orders", json.GetProperty("scope").GetString());
        Assert.False(json.TryGetProperty("refresh_token", out _));
        Assert.Equal(("client_credentials", "cid", "read:orders write:orders", 1), ScriptedCymbioServer.ParseMinted(accessToken));
    }

    [Fact]
    public async Task MintedTokens_RoundTripAwkwardPartsBasicCredentialsAndRefreshGrant()
    {
        _server.IssueRefreshTokens = true;
        using var basic = new HttpRequestMessage(HttpMethod.Post, "oauth/token")
        {
            Content = Form(("grant_type", "client_credentials"), ("scope", "read:purchase-orders write:a+b~c")),
        };
        basic.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString("my-client id") + ":" + Uri.EscapeDataString("p:w"))));
        using var first = await _client.SendAsync(basic);
        var firstJson = await JsonAsync(first);
        var firstToken = firstJson.GetProperty("access_token").GetString()!;

        Assert.True(ScriptedCymbioServer.IsMinted(firstToken));
        Assert.Equal(("client_credentials", "my-client id", "read:purchase-orders write:a+b~c", 1), ScriptedCymbioServer.ParseMinted(firstToken));
        Assert.Equal(("my-client id", "p:w"), _server.TokenRequests[0].BasicCredentials);
        Assert.Equal("RT-1", firstJson.GetProperty("refresh_token").GetString());

        using var refreshed = await PostTokenAsync(default, ("grant_type", "refresh_token"), ("refresh_token", "RT-1"));
        var refreshedToken = (await JsonAsync(refreshed)).GetProperty("access_token").GetString()!;
        Assert.Equal(("refresh_token", "my-client id", "read:purchase-orders write:a+b~c", 2), ScriptedCymbioServer.ParseMinted(refreshedToken));

        using var unknown = await PostTokenAsync(default, ("grant_type", "refresh_token"), ("refresh_token", "RT-99"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("invalid_grant", (await JsonAsync(unknown)).GetProperty("error").GetString());

        Assert.False(ScriptedCymbioServer.IsMinted("opaque"));
        Assert.Throws<FormatException>(() => ScriptedCymbioServer.ParseMinted("AT-x-y-1"));
    }

    [Fact]
    public async Task TokenGate_Holds50ConcurrentResponsesUntilReleased()
    {
        using var hold = _server.HoldTokenResponses();
        var calls = Enumerable.Range(0, 50)
            .Select(i => PostTokenAsync(default, ("grant_type", "client_credentials"), ("client_id", "c" + i)))
            .ToArray();

        await _server.WaitForTokenRequestsAsync(50, Bound);
        await _server.TokenGate.WaitForWaitingAsync(50, Bound);
        Assert.Equal(50, _server.TokenGate.WaitingCount);
        Assert.DoesNotContain(calls, call => call.IsCompleted);

        Assert.True(_server.TokenGate.ReleaseOne());
        var firstDone = await Task.WhenAny(calls).WaitAsync(Bound);
        Assert.Equal(HttpStatusCode.OK, (await firstDone).StatusCode);
        Assert.Equal(49, _server.TokenGate.WaitingCount);

        _server.ReleaseTokenResponses();
        var responses = await Task.WhenAll(calls).WaitAsync(Bound);
        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var minted = await Task.WhenAll(responses.Select(async r => ScriptedCymbioServer.ParseMinted((await JsonAsync(r)).GetProperty("access_token").GetString()!)));
        Assert.Equal(Enumerable.Range(1, 50), minted.Select(m => m.N).Order());
        Assert.Equal(Enumerable.Range(0, 50).Select(i => "c" + i).Order(), minted.Select(m => m.Client).Order());
        Assert.Equal(50, _server.TokenRequestCount);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), _server.TokenRequests.Select(r => r.Sequence));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task ApiGate_Holds1000ConcurrentRequests()
    {
        using var client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = _server.BaseAddress, Timeout = Bound };
        using var hold = _server.HoldApiResponses();
        var calls = Enumerable.Range(0, 1000).Select(i => client.GetAsync($"v3/orders/{i}")).ToArray();

        await _server.WaitForApiRequestsAsync(1000, Bound);
        await _server.ApiGate.WaitForWaitingAsync(1000, Bound);
        Assert.DoesNotContain(calls, call => call.IsCompleted);

        _server.ReleaseApiResponses();
        var responses = await Task.WhenAll(calls).WaitAsync(Bound);
        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(1000, _server.ApiRequests.Select(r => r.Path).Distinct().Count());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task HangingScript_EndsWhenTheClientCancels()
    {
        _server.TokenScript = ScriptedCymbioServer.HangingTokenScript;
        using var cancellation = new CancellationTokenSource();
        var call = PostTokenAsync(cancellation.Token, ("grant_type", "client_credentials"));

        await _server.WaitForTokenRequestsAsync(1, Bound);
        var record = Assert.Single(_server.TokenRequests);
        Assert.False(call.IsCompleted);
        Assert.False(record.Completion.IsCompleted);

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(RequestOutcome.ClientAborted, await record.Completion.WaitAsync(Bound));
        Assert.Empty(_server.ScriptFailures);
    }

    [Fact]
    public async Task HangingApiScript_EndsWhenTheServerStops()
    {
        _server.ApiScript = ScriptedCymbioServer.HangingApiScript;
        var call = _client.GetAsync("v3/orders");
        await _server.WaitForApiRequestsAsync(1, Bound);

        await _server.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => call.WaitAsync(Bound));
        Assert.Equal(RequestOutcome.ServerStopped, await _server.ApiRequests[0].Completion.WaitAsync(Bound));
    }

    [Fact]
    public async Task OAuthErrorScript_IsSentWithItsStatusBodyAndHeaders()
    {
        _server.TokenScript = (request, context) => Task.FromResult(
            ScriptedResponse.OAuthError(401, "invalid_client", "Client authentication failed.")
                .WithHeader("WWW-Authenticate", "Basic realm=\"cymbio\""));

        using var response = await PostTokenAsync(default, ("grant_type", "client_credentials"), ("client_id", "nope"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"error":"invalid_client","error_description":"Client authentication failed."}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("Basic realm=\"cymbio\"", Assert.Single(response.Headers.WwwAuthenticate).ToString());
        Assert.Equal(1, _server.TokenRequestCount);
    }

    [Fact]
    public async Task ScriptedHeaders_ReplaceKestrelsDateAndCarryRetryAfter()
    {
        _server.ApiScript = _ => Task.FromResult(
            ScriptedResponse.Json(503, new { message = "busy" })
                .WithHeader("Date", "Wed, 25 Apr 2018 10:00:00 GMT")
                .WithHeader("Retry-After", "Wed, 25 Apr 2018 10:00:30 GMT"));

        using var response = await _client.GetAsync("v3/orders");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(new DateTimeOffset(2018, 4, 25, 10, 0, 0, TimeSpan.Zero), response.Headers.Date);
        Assert.Equal(new DateTimeOffset(2018, 4, 25, 10, 0, 30, TimeSpan.Zero), response.Headers.RetryAfter?.Date);
        Assert.Equal("""{"message":"busy"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TokenHelpers_WriteTheDocumentedShapes()
    {
        Assert.Equal(
            """{"access_token":"a+b","token_type":"Bearer","expires_in":60,"scope":"read:orders","refresh_token":"r"}""",
            ScriptedResponse.Token("a+b", 60, "read:orders", "r").Body);
        Assert.Equal("""{"access_token":"a","token_type":"mac"}""", ScriptedResponse.Token("a", null, tokenType: "mac").Body);
        Assert.Equal("""{"access_token":"a","token_type":"Bearer","expires_in":"300"}""", ScriptedResponse.TokenRaw("a", "\"300\"").Body);
        Assert.Equal(
            """{"accessToken":"a","accessTokenExpiresAt":"2018-04-25T10:05:00.000Z","refreshToken":"r","scope":"read:orders"}""",
            ScriptedResponse.CamelCaseToken("a", new DateTimeOffset(2018, 4, 25, 12, 5, 0, TimeSpan.FromHours(2)), "r", "read:orders").Body);

        _server.TokenScript = (_, _) => Task.FromResult(ScriptedResponse.Html(200, "<html>login</html>"));
        using var response = await PostTokenAsync(default, ("grant_type", "client_credentials"));
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("<html>login</html>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ApiRequest_IsRecordedWithEveryAuthorizationValue()
    {
        using var one = new HttpRequestMessage(HttpMethod.Put, "v3/orders/7?x=1&y=%20")
        {
            Content = new StringContent("""{"a":1}""", Encoding.UTF8, "application/json"),
        };
        one.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "tok");
        using var oneResponse = await _client.SendAsync(one);

        using var two = new HttpRequestMessage(HttpMethod.Get, "v3/orders");
        two.Headers.TryAddWithoutValidation("Authorization", ["Bearer a", "Bearer b"]);
        using var twoResponse = await _client.SendAsync(two);

        Assert.Equal("{}", await oneResponse.Content.ReadAsStringAsync());
        var records = _server.ApiRequests;
        Assert.Equal(2, _server.ApiRequestCount);
        Assert.Equal("PUT", records[0].Method);
        Assert.Equal("/v3/orders/7", records[0].Path);
        Assert.Equal("?x=1&y=%20", records[0].Query);
        Assert.Equal("/v3/orders/7?x=1&y=%20", records[0].RawTarget);
        Assert.Equal(["Bearer tok"], records[0].Authorization);
        Assert.Equal("tok", records[0].BearerToken);
        Assert.Equal("""{"a":1}""", records[0].RawBody);
        Assert.Equal("127.0.0.1:" + _server.BaseAddress.Port, records[0].Host);

        // HttpClient sends both values on one line; Kestrel sees one value with a comma.
        Assert.Equal(["Bearer a, Bearer b"], records[1].Authorization);
        Assert.Null(records[1].BearerToken);
    }

    [Fact]
    public async Task SecondServerOn127002_IsReachableAndSeparate()
    {
        await using var other = await ScriptedCymbioServer.StartAsync(IPAddress.Parse("127.0.0.2"));
        Assert.Equal("127.0.0.2", other.BaseAddress.Host);

        using var response = await _client.GetAsync(new Uri(other.BaseAddress, "v3/orders"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("127.0.0.2:" + other.BaseAddress.Port, Assert.Single(other.ApiRequests).Host);
        Assert.Equal(0, _server.ApiRequestCount);
    }

    [Fact]
    public async Task RedirectScript_SendsTheClientToTheOtherHost()
    {
        await using var other = await ScriptedCymbioServer.StartAsync(IPAddress.Parse("127.0.0.2"));
        var target = new Uri(other.BaseAddress, "v3/elsewhere");
        _server.ApiScript = _ => Task.FromResult(ScriptedResponse.Redirect(307, target));

        using var noFollow = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = _server.BaseAddress };
        using var redirect = await noFollow.GetAsync("v3/orders");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        Assert.Equal(target, redirect.Headers.Location);
        Assert.Equal(0, other.ApiRequestCount);

        using var request = new HttpRequestMessage(HttpMethod.Get, "v3/orders");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "secret");
        using var followed = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        var arrived = Assert.Single(other.ApiRequests);
        Assert.Equal("/v3/elsewhere", arrived.Path);

        // SocketsHttpHandler drops Authorization when it follows a redirect.
        Assert.Empty(arrived.Authorization);
    }

    [Fact]
    public async Task AbortAndThrowingScripts_AreVisibleToTheClientAndTheTest()
    {
        _server.ApiScript = _ => Task.FromResult(ScriptedResponse.Abort());
        await Assert.ThrowsAsync<HttpRequestException>(() => _client.GetAsync("v3/orders"));
        Assert.Equal(RequestOutcome.ConnectionReset, await _server.ApiRequests[0].Completion.WaitAsync(Bound));

        _server.ApiScript = _ => throw new InvalidOperationException("script bug");
        using var failed = await _client.GetAsync("v3/orders");
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal("script bug", Assert.Single(_server.ScriptFailures).Message);
    }

    [Fact]
    public async Task Reset_ForgetsRecordsScriptsAndCounters()
    {
        _server.TokenScript = (_, _) => Task.FromResult(ScriptedResponse.Empty(500));
        using (await PostTokenAsync(default, ("grant_type", "client_credentials")))
        {
        }

        _server.Reset();
        Assert.Equal(0, _server.TokenRequestCount);
        Assert.Empty(_server.TokenRequests);

        using var response = await PostTokenAsync(default, ("grant_type", "client_credentials"), ("client_id", "c"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, ScriptedCymbioServer.ParseMinted((await JsonAsync(response)).GetProperty("access_token").GetString()!).N);
        Assert.Equal(1, Assert.Single(_server.TokenRequests).Sequence);
    }

    [Fact]
    public async Task Sequences_AnswerInOrderThenRepeatTheLast()
    {
        _server.TokenScript = ScriptedCymbioServer.TokenSequence(ScriptedResponse.Json(503, "{}"), null);
        _server.ApiScript = ScriptedCymbioServer.ApiSequence(ScriptedResponse.Empty(429).WithHeader("Retry-After", "1"), null);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var token = await PostTokenAsync(default, ("grant_type", "client_credentials"), ("client_id", "c"));
            using var api = await _client.GetAsync("v3/orders");
            statuses.Add(token.StatusCode);
            statuses.Add(api.StatusCode);
        }

        Assert.Equal(
            [HttpStatusCode.ServiceUnavailable, HttpStatusCode.TooManyRequests, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK],
            statuses);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), _server.TokenRequests.Cast<RequestRecord>().Concat(_server.ApiRequests).Select(r => r.Sequence).Order());
    }

    [Fact]
    public async Task WaitForRequests_TimesOutWithACount()
    {
        var exception = await Assert.ThrowsAsync<TimeoutException>(() => _server.WaitForTokenRequestsAsync(1, TimeSpan.FromMilliseconds(50)));
        Assert.Contains("0 so far", exception.Message, StringComparison.Ordinal);
    }
}
