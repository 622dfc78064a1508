using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cymbio;

/// <summary>
/// Obtains Cymbio tokens from <c>POST {base}/oauth/token</c> and keeps them: one cache entry per endpoint, client,
/// user, grant (one provider each) and scope set; one token request in flight per entry; background renewal after about 80 % of the
/// lifetime (with jitter), so callers never wait once warm; failures are shared by the callers that waited for them,
/// then forgotten (a <c>Retry-After</c> is respected). All time comes from the <see cref="TimeProvider"/>.
/// </summary>
public sealed class CymbioTokenProvider : ICymbioTokenProvider, IDisposable
{
    // One provider serves one endpoint, client, user and grant (they are fixed at construction), so within it the
    // scope set is the rest of the cache key: different credentials never share a provider, an entry or a token.
    private readonly ConcurrentDictionary<ScopeSet, Entry> _entries = new();
    private readonly CymbioClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TokenEndpointClient _endpoint;
    private readonly CancellationTokenSource _disposed = new();
    private readonly string _grant;
    private readonly string? _insecure;
    private LastEntry? _last;

    /// <summary>Initializes the provider.</summary>
    /// <param name="tokenEndpointClient">The HTTP client for the token endpoint (no base address needed).</param>
    /// <param name="options">The options; validated by the caller (see <see cref="CymbioClientOptionsValidator"/>).</param>
    /// <param name="timeProvider">The time source; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">The logger; none when <see langword="null"/>.</param>
    public CymbioTokenProvider(HttpClient tokenEndpointClient, CymbioClientOptions options, TimeProvider? timeProvider = null, ILogger<CymbioTokenProvider>? logger = null)
        : this(ClientOf(tokenEndpointClient), options, timeProvider, logger)
    {
    }

    /// <summary>Initializes the provider for dependency injection: each token request uses a client from the factory.</summary>
    /// <param name="httpClientFactory">The factory; the client named <see cref="TokenEndpointClientName"/> is used.</param>
    /// <param name="options">The validated options.</param>
    /// <param name="timeProvider">The time source.</param>
    /// <param name="logger">The logger.</param>
    [Microsoft.Extensions.DependencyInjection.ActivatorUtilitiesConstructor]
    public CymbioTokenProvider(IHttpClientFactory httpClientFactory, Microsoft.Extensions.Options.IOptions<CymbioClientOptions> options, TimeProvider timeProvider, ILogger<CymbioTokenProvider> logger)
        : this(() => httpClientFactory.CreateClient(TokenEndpointClientName), options?.Value!, timeProvider, logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
    }

    private CymbioTokenProvider(Func<HttpClient> tokenEndpointClient, CymbioClientOptions options, TimeProvider? timeProvider, ILogger<CymbioTokenProvider>? logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _ = options.TokenEndpoint ?? throw new ArgumentException("The options have no base address.", nameof(options));
        _grant = TokenEndpointClient.GrantName(options.EffectiveGrantType);
        _insecure = CymbioClientOptionsValidator.RequireSecureAddress(options.TokenEndpoint!, "The Cymbio token endpoint");
        _endpoint = new TokenEndpointClient(tokenEndpointClient, options, _time, _logger);
    }

    /// <summary>The name of the <see cref="IHttpClientFactory"/> client used for the token endpoint.</summary>
    public const string TokenEndpointClientName = "Cymbio.TokenEndpoint";

    /// <inheritdoc/>
    public ValueTask<CymbioToken> GetTokenAsync(ScopeSet scopes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        if (_insecure is not null)
        {
            // Credentials never travel over plain HTTP (RFC 6749 §3.2), whatever the options validation said.
            throw new InvalidOperationException(_insecure + " No credentials are sent over an unencrypted connection.");
        }

        var last = _last;
        var entry = last is not null && ReferenceEquals(last.Scopes, scopes) ? last.Entry : Find(scopes);

        // Warm path, no lock and no clock: the entry's timer clears Fresh when the token is due for renewal.
        if (Volatile.Read(ref entry.Fresh) is { } fresh)
        {
            return new ValueTask<CymbioToken>(fresh);
        }

        var now = _time.GetTimestamp();
        var usable = Volatile.Read(ref entry.Current);
        if (usable is not null && now < usable.ExpiresTimestamp && Volatile.Read(ref entry.InFlight) is not null)
        {
            return new ValueTask<CymbioToken>(usable);
        }

        Task<CymbioToken> pending;
        lock (entry)
        {
            var current = entry.Current;
            if (current is not null && now < current.ExpiresTimestamp)
            {
                if (now >= current.RefreshAtTimestamp && entry.InFlight is null && now >= entry.NextRefreshAttempt
                    && (entry.Throttled is null || now >= entry.ThrottledUntil))
                {
                    entry.InFlight = Start(entry, scopes, background: true);
                }

                return new ValueTask<CymbioToken>(current);
            }

            if (entry.Throttled is { } throttled && now < entry.ThrottledUntil)
            {
                return ValueTask.FromException<CymbioToken>(new TokenThrottledException(_time.GetElapsedTime(now, entry.ThrottledUntil), throttled.StatusCode ?? System.Net.HttpStatusCode.TooManyRequests));
            }

            pending = entry.InFlight ??= Start(entry, scopes, background: false);
        }

        return new ValueTask<CymbioToken>(pending.WaitAsync(cancellationToken));
    }

    /// <inheritdoc/>
    public ValueTask<CymbioToken> RenewAsync(CymbioToken rejected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        var key = rejected.CacheKey as ScopeSet ?? rejected.Scopes;
        var entry = Find(key);
        Task<CymbioToken> pending;
        lock (entry)
        {
            var current = entry.Current;
            if (current is not null && !ReferenceEquals(current, rejected) && _time.GetTimestamp() < current.ExpiresTimestamp)
            {
                // Someone already replaced the rejected token: use theirs (one renewal for a storm of 401s).
                return new ValueTask<CymbioToken>(current);
            }

            if (ReferenceEquals(current, rejected))
            {
                entry.Current = null;
                entry.Fresh = null;
            }

            pending = entry.InFlight ??= Start(entry, key, background: false);
        }

        return new ValueTask<CymbioToken>(pending.WaitAsync(cancellationToken));
    }

    /// <summary>Stops background renewals and in-flight token requests.</summary>
    public void Dispose()
    {
        if (!_disposed.IsCancellationRequested)
        {
            _disposed.Cancel();
            _disposed.Dispose();
            foreach (var entry in _entries.Values)
            {
                lock (entry)
                {
                    entry.Timer?.Dispose();
                    entry.Timer = null;
                }
            }
        }
    }

    /// <summary>Whether a token request for <paramref name="scopes"/> is in flight (for tests and simulations).</summary>
    internal bool IsRequesting(ScopeSet scopes)
    {
        if (!_entries.TryGetValue(scopes, out var entry))
        {
            return false;
        }

        lock (entry)
        {
            return entry.InFlight is not null;
        }
    }

    /// <summary>The delay after acquisition at which a token is renewed: <c>lifetime × (RefreshAfter ± RefreshJitter)</c>.</summary>
    internal static TimeSpan RefreshDelay(TimeSpan lifetime, CymbioTokenOptions options, Random random)
    {
        var fraction = options.RefreshAfter + (((random.NextDouble() * 2) - 1) * options.RefreshJitter);
        fraction = Math.Clamp(fraction, 0, 1 - options.ExpiryMargin);
        return lifetime * fraction;
    }

    private static Func<HttpClient> ClientOf(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return () => client;
    }

    private Task<CymbioToken> Start(Entry entry, ScopeSet key, bool background)
    {
        // Runs outside the caller's lock and cancellation: the request belongs to every caller waiting on it.
        var task = Task.Run(() => FetchAsync(entry, key, background));
        if (background)
        {
            // Nobody may await a background renewal; observe its failure so it is never "unobserved".
            _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return task;
    }

    private async Task<CymbioToken> FetchAsync(Entry entry, ScopeSet key, bool background)
    {
        var started = _time.GetTimestamp();
        var scopes = key.ToString();
        using var activity = CymbioTelemetry.ActivitySource.StartActivity("cymbio.token.acquire");
        activity?.SetTag("cymbio.scopes", scopes);
        activity?.SetTag("cymbio.grant", _grant);
        activity?.SetTag("cymbio.client_id", _options.ClientId);
        activity?.SetTag("cymbio.background", background);
        string? refreshToken;
        lock (entry)
        {
            refreshToken = entry.RefreshToken;
        }

        try
        {
            TokenEndpointResult result;
            try
            {
                result = await _endpoint.RequestAsync(key, refreshToken, _disposed.Token).ConfigureAwait(false);
            }
            catch (OAuthErrorException ex) when (refreshToken is not null)
            {
                // The refresh token expired or was revoked: forget it and sign in again with the configured grant.
                Log.RefreshTokenRejected(_logger, ex.Error, _grant);
                lock (entry)
                {
                    entry.RefreshToken = null;
                }

                result = await _endpoint.RequestAsync(key, null, _disposed.Token).ConfigureAwait(false);
            }

            var granted = result.GrantedScopes ?? key;
            var token = CreateToken(result, granted);
            if (!key.IsSubsetOf(granted))
            {
                // Cache the token only under what it really carries; this request cannot be served.
                Log.ScopeNarrowed(_logger, granted.ToString(), scopes);
                var grantedEntry = _entries.GetOrAdd(granted, static _ => new Entry());
                lock (grantedEntry)
                {
                    Store(grantedEntry, token);
                    grantedEntry.RefreshToken = result.RefreshToken ?? grantedEntry.RefreshToken;
                }

                throw new ScopeNotGrantedException("The token request", key.Except(granted), $"the token endpoint granted only '{granted}'");
            }

            var replaced = false;
            lock (entry)
            {
                replaced = entry.Current is not null;
                Store(entry, token);
                entry.RefreshToken = result.RefreshToken ?? entry.RefreshToken;
                entry.InFlight = null;
                entry.NextRefreshAttempt = 0;
                entry.Throttled = null;
            }

            var duration = _time.GetElapsedTime(started);
            CymbioTelemetry.TokenAcquisitions.Add(1, new KeyValuePair<string, object?>("outcome", "success"), new KeyValuePair<string, object?>("grant", _grant));
            CymbioTelemetry.TokenAcquisitionDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", "success"));
            var fingerprint = CymbioToken.Fingerprint(token.AccessToken);
            if (replaced)
            {
                Log.TokenRefreshed(_logger, scopes, fingerprint);
            }

            Log.TokenAcquired(_logger, scopes, _grant, fingerprint, token.Lifetime.TotalSeconds, _time.GetElapsedTime(token.AcquiredTimestamp, token.RefreshAtTimestamp).TotalSeconds, duration.TotalMilliseconds);
            activity?.SetStatus(ActivityStatusCode.Ok);
            return token;
        }
        catch (Exception ex)
        {
            var now = _time.GetTimestamp();
            lock (entry)
            {
                entry.InFlight = null;
                if (background)
                {
                    entry.NextRefreshAttempt = now + ToTicks(_options.Tokens.RefreshRetryDelay);
                }

                if (ex is TokenThrottledException throttled)
                {
                    entry.Throttled = throttled;
                    entry.ThrottledUntil = now + ToTicks(throttled.RetryAfter);
                    entry.NextRefreshAttempt = Math.Max(entry.NextRefreshAttempt, entry.ThrottledUntil);
                }
            }

            var outcome = ex switch
            {
                OAuthErrorException => "oauth_error",
                TokenThrottledException => "throttled",
                ScopeNotGrantedException => "scope_not_granted",
                OperationCanceledException => "canceled",
                _ => "failed",
            };
            CymbioTelemetry.TokenAcquisitions.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("grant", _grant));
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
            var reason = Log.Describe(ex);
            if (background && entry.Current is { } current)
            {
                Log.BackgroundRefreshFailed(_logger, scopes, Math.Max(0, _time.GetElapsedTime(now, current.ExpiresTimestamp).TotalSeconds), _options.Tokens.RefreshRetryDelay.TotalSeconds, reason);
            }
            else
            {
                Log.TokenFailed(_logger, scopes, _time.GetElapsedTime(started).TotalMilliseconds, reason);
            }

            throw;
        }
    }

    private Entry Find(ScopeSet scopes)
    {
        var entry = _entries.GetOrAdd(scopes, static _ => new Entry());
        _last = new LastEntry(scopes, entry);
        return entry;
    }

    /// <summary>
    /// Makes <paramref name="token"/> the entry's token (under the entry's lock) and arms the entry's timer to take it
    /// off the warm path when it is due for renewal.
    /// </summary>
    private void Store(Entry entry, CymbioToken token)
    {
        entry.Current = token;
        entry.Timer?.Dispose();
        var due = _time.GetElapsedTime(_time.GetTimestamp(), token.RefreshAtTimestamp);
        if (due > TimeSpan.Zero)
        {
            Volatile.Write(ref entry.Fresh, token);
            // Clears only this token: a late callback of an earlier timer cannot take a newer token off the warm path.
            entry.Timer = _time.CreateTimer(
                static state =>
                {
                    var (target, stored) = ((Entry, CymbioToken))state!;
                    Interlocked.CompareExchange(ref target.Fresh, null, stored);
                },
                (entry, token),
                due,
                Timeout.InfiniteTimeSpan);
        }
        else
        {
            Volatile.Write(ref entry.Fresh, null);
            entry.Timer = null;
        }
    }

    private CymbioToken CreateToken(TokenEndpointResult result, ScopeSet granted)
    {
        var tokens = _options.Tokens;
        var refreshAt = result.SentTimestamp + ToTicks(RefreshDelay(result.Lifetime, tokens, Random.Shared));
        var expires = result.SentTimestamp + ToTicks(result.Lifetime * (1 - tokens.ExpiryMargin));
        return new CymbioToken(result.AccessToken, granted, result.Lifetime, result.SentTimestamp, refreshAt, expires, granted);
    }

    private long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    /// <summary>The entry last looked up: the handler asks for the same scope-set instance call after call.</summary>
    private sealed record LastEntry(ScopeSet Scopes, Entry Entry);

    private sealed class Entry
    {
        /// <summary>The token while it needs nothing (before its renewal time); read without the lock.</summary>
        public CymbioToken? Fresh;
        public ITimer? Timer;
        public CymbioToken? Current;
        public Task<CymbioToken>? InFlight;
        public long NextRefreshAttempt;
        public TokenThrottledException? Throttled;
        public long ThrottledUntil;
        public string? RefreshToken;
    }
}
