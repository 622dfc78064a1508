using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Net.Http.Headers;

namespace Cymbio.Client.Tests.Infrastructure;

/// <summary>
/// A real HTTP/1.1 server (Kestrel) on a loopback address that plays Cymbio: its token endpoint under /oauth and its API
/// everywhere else. Every request is recorded, then answered by a script that tests replace. The server never waits on
/// a clock: only scripts (and the bounded Wait* methods, which are for synchronising a test with the server) do.
/// </summary>
public sealed class ScriptedCymbioServer : IAsyncDisposable
{
    /// <summary>The timeout the Wait* methods use when none is given.</summary>
    public static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The expires_in the default token script sends unless <see cref="DefaultExpiresIn"/> changes it.</summary>
    public const int DefaultTokenLifetimeSeconds = 300;

    private const string FormContentType = "application/x-www-form-urlencoded";

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _sync = new();
    private readonly List<TokenRequestRecord> _tokenRequests = [];
    private readonly List<ApiRequestRecord> _apiRequests = [];
    private readonly List<Exception> _scriptFailures = [];
    private readonly CountSignal _tokenCount = new("token requests");
    private readonly CountSignal _apiCount = new("API requests");
    private readonly ConcurrentDictionary<string, (string Client, string Scope)> _refreshTokens = new(StringComparer.Ordinal);
    private long _sequence;
    private int _minted;
    private int _disposed;

    private ScriptedCymbioServer(WebApplication app)
    {
        _app = app;
        app.Run(HandleAsync);
        TokenScript = DefaultTokenScript;
        ApiScript = DefaultApiScript;
    }

    /// <summary>The default token script: <see cref="TokenScriptContext.Default"/>.</summary>
    public static Func<TokenRequestRecord, TokenScriptContext, Task<ScriptedResponse>> DefaultTokenScript { get; } =
        (_, context) => Task.FromResult(context.Default());

    /// <summary>The default API script: 200 <c>{}</c>.</summary>
    public static Func<ApiRequestRecord, Task<ScriptedResponse>> DefaultApiScript { get; } =
        _ => Task.FromResult(ScriptedResponse.Json(200, "{}"));

    /// <summary>A token script that never answers; the request ends when the client aborts or the server stops.</summary>
    public static Func<TokenRequestRecord, TokenScriptContext, Task<ScriptedResponse>> HangingTokenScript { get; } =
        (_, context) => ScriptedResponse.HangAsync(context.RequestAborted);

    /// <summary>An API script that never answers; the request ends when the client aborts or the server stops.</summary>
    public static Func<ApiRequestRecord, Task<ScriptedResponse>> HangingApiScript { get; } =
        request => ScriptedResponse.HangAsync(request.RequestAborted);

    /// <summary>
    /// A token script answering the n-th request it sees with <paramref name="responses"/>[n-1] (<see langword="null"/>:
    /// what the default script answers); once they run out, the last one answers every later request.
    /// </summary>
    public static Func<TokenRequestRecord, TokenScriptContext, Task<ScriptedResponse>> TokenSequence(params ScriptedResponse?[] responses)
    {
        ArgumentOutOfRangeException.ThrowIfZero(responses.Length);
        var calls = 0;
        return (_, context) =>
        {
            var index = Math.Min(Interlocked.Increment(ref calls), responses.Length) - 1;
            return Task.FromResult(responses[index] ?? context.Default());
        };
    }

    /// <summary>
    /// An API script answering the n-th request it sees with <paramref name="responses"/>[n-1] (<see langword="null"/>:
    /// 200 <c>{}</c>); once they run out, the last one answers every later request.
    /// </summary>
    public static Func<ApiRequestRecord, Task<ScriptedResponse>> ApiSequence(params ScriptedResponse?[] responses)
    {
        ArgumentOutOfRangeException.ThrowIfZero(responses.Length);
        var calls = 0;
        return request =>
        {
            var index = Math.Min(Interlocked.Increment(ref calls), responses.Length) - 1;
            return responses[index] is { } response ? Task.FromResult(response) : DefaultApiScript(request);
        };
    }

    /// <summary>The root, with a trailing slash: <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary><c>{BaseAddress}oauth/token</c>.</summary>
    public Uri TokenEndpoint => new(BaseAddress, "oauth/token");

    /// <summary>Answers requests under /oauth. Runs after the request is recorded, before the <see cref="TokenGate"/>.</summary>
    public Func<TokenRequestRecord, TokenScriptContext, Task<ScriptedResponse>> TokenScript { get; set; }

    /// <summary>Answers every other request. Runs after the request is recorded, before the <see cref="ApiGate"/>.</summary>
    public Func<ApiRequestRecord, Task<ScriptedResponse>> ApiScript { get; set; }

    /// <summary>Whether the default token script also issues a refresh token (<c>RT-{n}</c>).</summary>
    public bool IssueRefreshTokens { get; set; }

    /// <summary>The expires_in the default token script sends (null: none).</summary>
    public int? DefaultExpiresIn { get; set; } = DefaultTokenLifetimeSeconds;

    /// <summary>Holds token responses (requests are still recorded and scripted).</summary>
    public ResponseGate TokenGate { get; } = new("responses waiting at the token gate");

    /// <summary>Holds API responses (requests are still recorded and scripted).</summary>
    public ResponseGate ApiGate { get; } = new("responses waiting at the API gate");

    /// <summary>A snapshot of the token requests, in arrival order.</summary>
    public IReadOnlyList<TokenRequestRecord> TokenRequests
    {
        get
        {
            lock (_sync)
            {
                return [.. _tokenRequests];
            }
        }
    }

    /// <summary>How many token requests arrived.</summary>
    public int TokenRequestCount => _tokenCount.Value;

    /// <summary>A snapshot of the API requests, in arrival order.</summary>
    public IReadOnlyList<ApiRequestRecord> ApiRequests
    {
        get
        {
            lock (_sync)
            {
                return [.. _apiRequests];
            }
        }
    }

    /// <summary>How many API requests arrived.</summary>
    public int ApiRequestCount => _apiCount.Value;

    /// <summary>Exceptions scripts threw (each answered with 500 <c>{"error":"script_failure",...}</c>).</summary>
    public IReadOnlyList<Exception> ScriptFailures
    {
        get
        {
            lock (_sync)
            {
                return [.. _scriptFailures];
            }
        }
    }

    /// <summary>Starts a server on 127.0.0.1 and an ephemeral port.</summary>
    public static Task<ScriptedCymbioServer> StartAsync() => StartAsync(IPAddress.Loopback);

    /// <summary>Starts a server on <paramref name="address"/> (e.g. 127.0.0.2; Linux routes 127/8 to lo) and an ephemeral port.</summary>
    public static Task<ScriptedCymbioServer> StartAsync(IPAddress address) => StartAsync(address, certificate: null);

    /// <summary>
    /// Starts a server on 127.0.0.1 and an ephemeral port that speaks HTTPS only, with <paramref name="certificate"/>
    /// (<see cref="BaseAddress"/> is then <c>https://127.0.0.1:PORT/</c>).
    /// </summary>
    public static Task<ScriptedCymbioServer> StartTlsAsync(X509Certificate2 certificate) => StartAsync(IPAddress.Loopback, certificate);

    private static async Task<ScriptedCymbioServer> StartAsync(IPAddress address, X509Certificate2? certificate)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ScriptedCymbioServer).Assembly.GetName().Name,
        });

        // CreateEmptyBuilder registers no logging providers and reads no configuration: the server stays quiet.
        builder.WebHost.UseKestrelCore();
        builder.WebHost.UseSockets(sockets => sockets.Backlog = 4096); // 1,000 connections opened at once
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxConcurrentConnections = null;
            kestrel.Limits.MaxConcurrentUpgradedConnections = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.MinResponseDataRate = null;
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromMinutes(10);
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromMinutes(10);
            kestrel.Listen(address, 0, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));

        var server = new ScriptedCymbioServer(builder.Build());
        await server._app.StartAsync().ConfigureAwait(false);

        // Kestrel publishes the endpoint it bound, with the port the system chose: http(s)://127.0.0.1:PORT.
        var bound = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.BaseAddress = new Uri(bound.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>
    /// The parts of a token the default script minted, <c>AT-{grant}-{client}-{scope}-{n}</c>: spaces in each part are
    /// sent as '+', and '-', '+' and '~' inside a part as ~2D, ~2B and ~7E, so that any client id or scope round-trips.
    /// </summary>
    public static (string Grant, string Client, string Scope, int N) ParseMinted(string token)
    {
        var parts = token.Split('-');
        if (parts.Length != 5 || parts[0] != "AT" || !int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            throw new FormatException($"'{token}' is not a token the default script minted (AT-grant-client-scope-n).");
        }

        return (DecodePart(parts[1]), DecodePart(parts[2]), DecodePart(parts[3]), n);
    }

    /// <summary>Whether <paramref name="token"/> is a token the default script minted.</summary>
    public static bool IsMinted(string token)
    {
        var parts = token.Split('-');
        return parts.Length == 5 && parts[0] == "AT" && int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }

    /// <summary>Closes the token gate; disposing the result releases it (as does <see cref="ReleaseTokenResponses"/>).</summary>
    public IDisposable HoldTokenResponses() => TokenGate.Hold();

    /// <summary>Opens the token gate: every held token response is written.</summary>
    public void ReleaseTokenResponses() => TokenGate.Release();

    /// <summary>Closes the API gate; disposing the result releases it.</summary>
    public IDisposable HoldApiResponses() => ApiGate.Hold();

    /// <summary>Opens the API gate.</summary>
    public void ReleaseApiResponses() => ApiGate.Release();

    /// <summary>Waits (real time, bounded) until at least <paramref name="count"/> token requests have been recorded.</summary>
    public Task WaitForTokenRequestsAsync(int count, TimeSpan timeout) => _tokenCount.WaitAsync(count, timeout);

    /// <summary>As <see cref="WaitForTokenRequestsAsync(int, TimeSpan)"/>, with <see cref="DefaultWaitTimeout"/>.</summary>
    public Task WaitForTokenRequestsAsync(int count) => WaitForTokenRequestsAsync(count, DefaultWaitTimeout);

    /// <summary>Waits (real time, bounded) until at least <paramref name="count"/> API requests have been recorded.</summary>
    public Task WaitForApiRequestsAsync(int count, TimeSpan timeout) => _apiCount.WaitAsync(count, timeout);

    /// <summary>As <see cref="WaitForApiRequestsAsync(int, TimeSpan)"/>, with <see cref="DefaultWaitTimeout"/>.</summary>
    public Task WaitForApiRequestsAsync(int count) => WaitForApiRequestsAsync(count, DefaultWaitTimeout);

    /// <summary>
    /// Back to the state after start: no records, default scripts and settings, gates open, minting counter at zero,
    /// refresh tokens forgotten. A request in flight during the reset may still be recorded afterwards.
    /// </summary>
    public void Reset()
    {
        lock (_sync)
        {
            _tokenRequests.Clear();
            _apiRequests.Clear();
            _scriptFailures.Clear();
            _tokenCount.Set(0);
            _apiCount.Set(0);
            _sequence = 0;
        }

        TokenScript = DefaultTokenScript;
        ApiScript = DefaultApiScript;
        IssueRefreshTokens = false;
        DefaultExpiresIn = DefaultTokenLifetimeSeconds;
        Interlocked.Exchange(ref _minted, 0);
        _refreshTokens.Clear();
        TokenGate.Release();
        ApiGate.Release();
    }

    /// <summary>Aborts whatever is in flight (hanging and held requests included) and stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <summary>What the default token script answers <paramref name="request"/> with.</summary>
    internal ScriptedResponse DefaultTokenResponse(TokenRequestRecord request)
    {
        if (!string.Equals(request.Path, "/oauth/token", StringComparison.OrdinalIgnoreCase))
        {
            return ScriptedResponse.Json(404, """{"error":"not_found"}""");
        }

        if (request.Method != HttpMethods.Post)
        {
            return ScriptedResponse.OAuthError(405, "invalid_request", "The token endpoint accepts POST only.").WithHeader("Allow", "POST");
        }

        if (!IsForm(request.ContentType))
        {
            return ScriptedResponse.OAuthError(400, "invalid_request", "The body must be application/x-www-form-urlencoded.");
        }

        var grant = request.GrantType;
        if (string.IsNullOrEmpty(grant))
        {
            return ScriptedResponse.OAuthError(400, "invalid_request", "grant_type is missing.");
        }

        var client = request.ClientId;
        var scope = request.Scope;
        if (grant == "refresh_token")
        {
            if (request.FormField("refresh_token") is not { } refreshToken || !_refreshTokens.TryGetValue(refreshToken, out var original))
            {
                return ScriptedResponse.OAuthError(400, "invalid_grant", "Unknown refresh token.");
            }

            client ??= original.Client;
            scope ??= original.Scope;
        }

        var n = Interlocked.Increment(ref _minted);
        var accessToken = Format(grant, client ?? string.Empty, scope ?? string.Empty, n);
        string? issuedRefreshToken = null;
        if (IssueRefreshTokens)
        {
            issuedRefreshToken = "RT-" + n.ToString(CultureInfo.InvariantCulture);
            _refreshTokens[issuedRefreshToken] = (client ?? string.Empty, scope ?? string.Empty);
        }

        return ScriptedResponse.Token(accessToken, DefaultExpiresIn, scope, issuedRefreshToken);
    }

    internal string Mint(string grantType, string clientId, string scope) =>
        Format(grantType, clientId, scope, Interlocked.Increment(ref _minted));

    private static string Format(string grant, string client, string scope, int n) =>
        string.Create(CultureInfo.InvariantCulture, $"AT-{EncodePart(grant)}-{EncodePart(client)}-{EncodePart(scope)}-{n}");

    private static string EncodePart(string part) =>
        part.Replace("~", "~7E", StringComparison.Ordinal)
            .Replace("-", "~2D", StringComparison.Ordinal)
            .Replace("+", "~2B", StringComparison.Ordinal)
            .Replace(' ', '+');

    private static string DecodePart(string part) =>
        part.Replace('+', ' ')
            .Replace("~2B", "+", StringComparison.Ordinal)
            .Replace("~2D", "-", StringComparison.Ordinal)
            .Replace("~7E", "~", StringComparison.Ordinal);

    private static bool IsForm(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals(FormContentType, StringComparison.OrdinalIgnoreCase);

    private async Task HandleAsync(HttpContext context)
    {
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        RequestRecord? record = null;
        try
        {
            var body = await ReadBodyAsync(context.Request, aborted.Token).ConfigureAwait(false);
            var isToken = context.Request.Path.StartsWithSegments("/oauth", StringComparison.OrdinalIgnoreCase);
            ScriptedResponse response;
            ResponseGate gate;
            if (isToken)
            {
                var (tokenRecord, number) = RecordToken(context, body, aborted.Token);
                record = tokenRecord;
                response = await TokenScript(tokenRecord, new TokenScriptContext(this, tokenRecord, number)).ConfigureAwait(false);
                gate = TokenGate;
            }
            else
            {
                var apiRecord = RecordApi(context, body, aborted.Token);
                record = apiRecord;
                response = await ApiScript(apiRecord).ConfigureAwait(false);
                gate = ApiGate;
            }

            await gate.PassAsync(aborted.Token).ConfigureAwait(false);
            record.Complete(await WriteAsync(context, response, aborted.Token).ConfigureAwait(false));
        }
        catch (Exception) when (aborted.IsCancellationRequested)
        {
            context.Abort();
            record?.Complete(_stopping.IsCancellationRequested ? RequestOutcome.ServerStopped : RequestOutcome.ClientAborted);
        }
        catch (Exception exception)
        {
            lock (_sync)
            {
                _scriptFailures.Add(exception);
            }

            if (!context.Response.HasStarted)
            {
                await WriteAsync(
                    context,
                    ScriptedResponse.Json(500, new { error = "script_failure", error_description = exception.ToString() }),
                    CancellationToken.None).ConfigureAwait(false);
            }

            record?.Complete(RequestOutcome.ScriptFailed);
        }
    }

    private (TokenRequestRecord Record, int Number) RecordToken(HttpContext context, byte[] body, CancellationToken aborted)
    {
        var request = context.Request;
        IReadOnlyDictionary<string, IReadOnlyList<string>> formValues = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (IsForm(request.ContentType))
        {
            formValues = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)).ToDictionary(
                pair => pair.Key,
                pair => (IReadOnlyList<string>)pair.Value.Select(value => value ?? string.Empty).ToArray(),
                StringComparer.Ordinal);
        }

        lock (_sync)
        {
            var record = new TokenRequestRecord
            {
                Sequence = ++_sequence,
                Method = request.Method,
                Path = request.Path.Value ?? string.Empty,
                RawTarget = RawTarget(context),
                QueryString = request.QueryString.Value ?? string.Empty,
                Host = request.Host.Value ?? string.Empty,
                ContentType = request.ContentType,
                Headers = HeaderSnapshot.From(request.Headers),
                Body = body,
                Form = formValues.ToDictionary(pair => pair.Key, pair => string.Join(',', pair.Value), StringComparer.Ordinal),
                FormValues = formValues,
                RequestAborted = aborted,
            };
            _tokenRequests.Add(record);
            return (record, _tokenCount.Increment());
        }
    }

    private ApiRequestRecord RecordApi(HttpContext context, byte[] body, CancellationToken aborted)
    {
        var request = context.Request;
        lock (_sync)
        {
            var record = new ApiRequestRecord
            {
                Sequence = ++_sequence,
                Method = request.Method,
                Path = request.Path.Value ?? string.Empty,
                RawTarget = RawTarget(context),
                QueryString = request.QueryString.Value ?? string.Empty,
                Host = request.Host.Value ?? string.Empty,
                ContentType = request.ContentType,
                Headers = HeaderSnapshot.From(request.Headers),
                Body = body,
                RequestAborted = aborted,
            };
            _apiRequests.Add(record);
            _apiCount.Increment();
            return record;
        }
    }

    private static string RawTarget(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value + context.Request.QueryString.Value;

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>
    /// The one place a <see cref="ScriptedResponse"/> goes onto the wire: the connection reset it asks for, or its status,
    /// headers and body (none for HEAD, 1xx, 204 and 304). Returns what the client got.
    /// </summary>
    private static async Task<RequestOutcome> WriteAsync(HttpContext context, ScriptedResponse scripted, CancellationToken cancellationToken)
    {
        if (scripted.AbortConnection)
        {
            context.Abort();
            return RequestOutcome.ConnectionReset;
        }

        var response = context.Response;
        response.StatusCode = scripted.Status;
        var bytes = scripted.Body is null ? [] : Encoding.UTF8.GetBytes(scripted.Body);
        if (scripted.Body is not null)
        {
            response.ContentType = scripted.ContentType;
        }

        var mayHaveBody = scripted.Status >= 200 && scripted.Status != 204 && scripted.Status != 304;
        if (mayHaveBody)
        {
            response.ContentLength = bytes.Length;
        }

        foreach (var (name, value) in scripted.Headers)
        {
            response.Headers[name] = value;
        }

        if (mayHaveBody && bytes.Length > 0 && !HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }

        await response.CompleteAsync().ConfigureAwait(false);
        return RequestOutcome.Responded;
    }
}
