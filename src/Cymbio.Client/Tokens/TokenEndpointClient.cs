using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Duende.IdentityModel.Client;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Cymbio;

/// <summary>
/// Speaks OAuth2 to Cymbio's token endpoint through Duende.IdentityModel's protocol messages (form-encoded,
/// client credentials in the body), reads both response shapes, and retries transient failures with Polly on the
/// injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class TokenEndpointClient : ITokenSource
{
    private const int ExcerptLength = 512;

    /// <summary>
    /// The largest token response read: 64 KiB, far above any real one (a few hundred bytes). The HTTP clients the SDK
    /// creates for the token endpoint buffer no more than this (<see cref="HttpClient.MaxResponseContentBufferSize"/>);
    /// a larger body is a <see cref="TokenEndpointException"/>, not retried.
    /// </summary>
    internal const int MaxResponseBytes = 64 * 1024;

    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };
    private readonly Func<HttpClient> _http;
    private readonly CymbioClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;

    public TokenEndpointClient(Func<HttpClient> http, CymbioClientOptions options, TimeProvider time, ILogger logger)
    {
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
        var tokens = options.Tokens;
        var builder = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(tokens.TotalTimeout);
        if (tokens.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = tokens.MaxRetries,
                Delay = tokens.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception switch
                {
                    // A Retry-After that would outlast the whole acquisition is not waited for: the caller gets
                    // TokenThrottledException with it at once, and the provider holds further requests until then.
                    TransientTokenEndpointException { RetryAfter: { } retryAfter } => Remaining(args.Context) >= retryAfter + tokens.AttemptTimeout,
                    TransientTokenEndpointException or TimeoutRejectedException => true,
                    _ => false,
                }),
                DelayGenerator = static args => new ValueTask<TimeSpan?>(args.Outcome.Exception is TransientTokenEndpointException { RetryAfter: { } retryAfter } ? retryAfter : null),
                OnRetry = args =>
                {
                    Log.TokenRetry(_logger, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, args.Outcome.Exception?.Message ?? "failed");
                    return default;
                },
            });
        }

        _pipeline = builder.AddTimeout(tokens.AttemptTimeout).Build();
    }

    /// <summary>Obtains a token, retrying transient failures; throws a <see cref="TokenEndpointException"/> family exception otherwise.</summary>
    public async Task<TokenEndpointResult> RequestAsync(ScopeSet scopes, string? refreshToken, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StartedKey, _time.GetTimestamp());
        try
        {
            return await _pipeline.ExecuteAsync(
                static (ctx, state) => new ValueTask<TokenEndpointResult>(state.Self.AttemptAsync(state.Scopes, state.RefreshToken, ctx.CancellationToken)),
                context,
                (Self: this, Scopes: scopes, RefreshToken: refreshToken)).ConfigureAwait(false);
        }
        catch (TransientTokenEndpointException ex) when (ex.RetryAfter is { } retryAfter && ex.StatusCode is { } status)
        {
            throw new TokenThrottledException(retryAfter, status);
        }
        catch (TransientTokenEndpointException ex)
        {
            throw new TokenEndpointException(ex.Message, ex.StatusCode, ex.BodyExcerpt, ex.InnerException);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new TokenEndpointException($"The Cymbio token endpoint did not answer in time ({ex.Message})", innerException: ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static readonly ResiliencePropertyKey<long> StartedKey = new("Cymbio.TokenRequestStarted");

    /// <summary>What is left of the total timeout for this acquisition.</summary>
    private TimeSpan Remaining(ResilienceContext context) =>
        context.Properties.TryGetValue(StartedKey, out var started)
            ? _options.Tokens.TotalTimeout - _time.GetElapsedTime(started)
            : _options.Tokens.TotalTimeout;

    private async Task<TokenEndpointResult> AttemptAsync(ScopeSet scopes, string? refreshToken, CancellationToken cancellationToken)
    {
        var address = _options.TokenEndpoint!.AbsoluteUri;
        var scope = scopes.ToString(_options.ScopeSeparator);
        var sent = _time.GetTimestamp();
        CymbioTelemetry.TokenRequests.Add(1, new KeyValuePair<string, object?>("grant", refreshToken is null ? GrantName(_options.EffectiveGrantType) : "refresh_token"));
        TokenResponse response;
        if (refreshToken is not null)
        {
            using var request = new RefreshTokenRequest
            {
                Address = address, ClientId = _options.ClientId!, ClientSecret = _options.ClientSecret,
                ClientCredentialStyle = ClientCredentialStyle.PostBody, RefreshToken = refreshToken, Scope = scope,
            };
            response = await _http().RequestRefreshTokenAsync(request, cancellationToken).ConfigureAwait(false);
        }
        else if (_options.EffectiveGrantType == CymbioGrantType.Password)
        {
            using var request = new PasswordTokenRequest
            {
                Address = address, ClientId = _options.ClientId!, ClientSecret = _options.ClientSecret,
                ClientCredentialStyle = ClientCredentialStyle.PostBody, UserName = _options.Username!, Password = _options.Password, Scope = scope,
            };
            response = await _http().RequestPasswordTokenAsync(request, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            using var request = new ClientCredentialsTokenRequest
            {
                Address = address, ClientId = _options.ClientId!, ClientSecret = _options.ClientSecret,
                ClientCredentialStyle = ClientCredentialStyle.PostBody, Scope = scope,
            };
            response = await _http().RequestClientCredentialsTokenAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using (response)
        {
            return Read(response, sent, cancellationToken);
        }
    }

    private TokenEndpointResult Read(TokenResponse response, long sent, CancellationToken cancellationToken)
    {
        if (response.Exception is OperationCanceledException canceled)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw canceled;
        }

        var http = response.HttpResponse;
        var excerpt = Excerpt(response.Raw);
        if (http is null)
        {
            // No answer at all: DNS, connection, TLS. Transient, except an untrusted certificate, which retrying cannot fix.
            var reason = response.Exception?.Message ?? response.Error ?? "no response";
            if (response.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded })
            {
                // MaxResponseContentBufferSize: the body was larger than any token response; retrying gets the same.
                throw new TokenEndpointException($"The Cymbio token endpoint's response is larger than {MaxResponseBytes / 1024} KiB; no token response is that large.", innerException: response.Exception);
            }

            if (response.Exception is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError })
            {
                throw new TokenEndpointException($"The TLS connection to the Cymbio token endpoint failed: {reason}", innerException: response.Exception);
            }

            throw new TransientTokenEndpointException($"The Cymbio token endpoint could not be reached: {reason}", null, null, null, response.Exception);
        }

        var status = http.StatusCode;
        if (response.Raw is { Length: > MaxResponseBytes })
        {
            // Only a caller's own HttpClient (with a larger buffer limit) gets here; the SDK's clients stop at the bound.
            throw new TokenEndpointException($"The Cymbio token endpoint's response is larger than {MaxResponseBytes / 1024} KiB; no token response is that large.", status);
        }

        var json = TryParse(response);
        if (!http.IsSuccessStatusCode)
        {
            var transient = status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;
            if (transient)
            {
                throw new TransientTokenEndpointException(
                    $"The Cymbio token endpoint failed with HTTP {(int)status}.", status, excerpt, RetryAfter(http));
            }

            if (json is { ValueKind: JsonValueKind.Object } error && Get(error, "error") is { } code)
            {
                throw new OAuthErrorException(code, Get(error, "error_description"), status);
            }

            var message = json is { ValueKind: JsonValueKind.Object } body ? ServerText.Printable(Get(body, "message")) : null;
            throw new TokenEndpointException(
                $"The Cymbio token endpoint failed with HTTP {(int)status}{(message is null ? "." : ": " + message)}", status, excerpt);
        }

        if (json is not { ValueKind: JsonValueKind.Object } token)
        {
            var html = http.Content.Headers.ContentType?.MediaType is { } media && media.Contains("html", StringComparison.OrdinalIgnoreCase);
            throw new TokenEndpointException(
                html
                    ? $"The Cymbio token endpoint answered HTTP {(int)status} with an HTML page, not a JSON token response (a proxy, captive portal or sign-in page in the way?)."
                    : $"The Cymbio token endpoint answered HTTP {(int)status} with a body that is not a JSON object.",
                status,
                excerpt);
        }

        if (HasDuplicateMembers(response.Raw))
        {
            // JsonDocument reads the last of two access_token, expires_in or scope members, another reader the first:
            // an ambiguous token response is refused rather than guessed at.
            throw new TokenEndpointException("The Cymbio token response has a member more than once; an ambiguous token response is not used.", status, excerpt);
        }

        var accessToken = Get(token, "access_token") ?? Get(token, "accessToken");
        if (string.IsNullOrEmpty(accessToken))
        {
            throw new TokenEndpointException("The Cymbio token response has no access_token.", status, excerpt);
        }

        var tokenType = Get(token, "token_type");
        if (tokenType is not null && !string.Equals(tokenType, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw new TokenEndpointException($"The Cymbio token response has token_type '{ServerText.Printable(tokenType, 32)}'; only Bearer tokens are supported.", status, excerpt);
        }

        ScopeSet? granted = null;
        if (ScopeText(token) is { } scopeText)
        {
            // Some servers separate with commas; RFC 6749 with spaces. Either way it is a set of scope tokens.
            if (!ScopeSet.TryParse(scopeText.Replace(',', ' '), out granted))
            {
                throw new TokenEndpointException("The Cymbio token response has a scope that is not a list of scope tokens.", status, excerpt);
            }
        }

        var refresh = Get(token, "refresh_token") ?? Get(token, "refreshToken");
        return new TokenEndpointResult(accessToken, granted, Lifetime(token, http), string.IsNullOrEmpty(refresh) ? null : refresh, sent);
    }

    /// <summary>
    /// <c>expires_in</c> (seconds, number or numeric string), else <c>accessTokenExpiresAt</c> against the response's
    /// <c>Date</c> (the server's clock, not ours), else the documented default. A lifetime that is not positive or
    /// exceeds <see cref="CymbioTokenOptions.MaximumLifetime"/> is replaced by the default: never an unbounded entry.
    /// </summary>
    private TimeSpan Lifetime(JsonElement token, HttpResponseMessage http)
    {
        var tokens = _options.Tokens;
        TimeSpan? stated = null;
        string? statedText = null;
        if (token.TryGetProperty("expires_in", out var expiresIn))
        {
            statedText = "expires_in " + expiresIn.GetRawText();
            var seconds = double.NaN;
            if (expiresIn.ValueKind == JsonValueKind.Number && expiresIn.TryGetDouble(out var number))
            {
                seconds = number;
            }
            else if (expiresIn.ValueKind == JsonValueKind.String && double.TryParse(expiresIn.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number))
            {
                seconds = number;
            }

            // Only a finite value within bounds becomes a TimeSpan (1e400, "Infinity" or "NaN" would throw).
            if (double.IsFinite(seconds) && seconds > 0 && seconds <= tokens.MaximumLifetime.TotalSeconds)
            {
                stated = TimeSpan.FromSeconds(seconds);
            }
        }
        else if (Get(token, "accessTokenExpiresAt") is { } expiresAt)
        {
            statedText = "accessTokenExpiresAt " + expiresAt;
            if (DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                var serverNow = http.Headers.Date ?? _time.GetUtcNow();
                stated = at - serverNow;
            }
        }

        if (stated is { } lifetime && lifetime > TimeSpan.Zero && lifetime <= tokens.MaximumLifetime)
        {
            return lifetime;
        }

        if (statedText is not null)
        {
            Log.UnusableLifetime(_logger, ServerText.Printable(statedText, 64) ?? "(empty)", tokens.DefaultLifetime.TotalSeconds);
        }

        return tokens.DefaultLifetime;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        TimeSpan? delay = header?.Delta;
        if (delay is null && header?.Date is { } date)
        {
            delay = date - (response.Headers.Date ?? _time.GetUtcNow());
        }

        if (delay is not { } value)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > _options.Tokens.MaxRetryAfter ? _options.Tokens.MaxRetryAfter : value;
    }

    internal static string GrantName(CymbioGrantType grant) => grant == CymbioGrantType.Password ? "password" : "client_credentials";

    // JSON ("access_token": "…"), single-quoted JSON and form encoding (access_token=…&) alike.
    [GeneratedRegex("([\"']?(?:access_token|refresh_token|id_token|accessToken|refreshToken|idToken|password|client_secret)[\"']?\\s*[:=]\\s*[\"']?)[^\"'&,}\\s]*", RegexOptions.CultureInvariant)]
    private static partial Regex TokenMember();
}
