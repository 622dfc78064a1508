using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cymbio;

/// <summary>
/// Obtains Cymbio tokens from <c>POST {base}/oauth/token</c> and keeps them: one cache entry per endpoint, client,
/// user, grant (one provider each) and scope set; one token request in flight per entry; background renewal after about 80 % of the
/// lifetime (with jitter), so callers never wait once warm; a failed background renewal is retried at shrinking
/// intervals (<see cref="RenewalPause"/>) until the token's usable end; failures are shared by the callers that waited
/// for them, then forgotten (a <c>Retry-After</c> is respected). All time comes from the <see cref="TimeProvider"/>.
/// </summary>
public sealed class CymbioTokenProvider : ICymbioTokenProvider, IDisposable
{
    private readonly TokenCache _cache;
    private readonly ITokenSource _source;
    private readonly TokenAcquisitionTelemetry _telemetry;
    private readonly CymbioClientOptions _options;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _disposed = new();
    private readonly string? _insecure;
    private readonly TokenCacheEntry.Fetch _fetch;

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

    /// <summary>Initializes the provider with a second token level between its cache and the endpoint (the distributed cache).</summary>
    /// <param name="tokenEndpointClient">Creates the HTTP client for a token request.</param>
    /// <param name="options">The validated options.</param>
    /// <param name="timeProvider">The time source.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="level">Wraps the token endpoint in the second level; <see langword="null"/> for none.</param>
    internal CymbioTokenProvider(Func<HttpClient> tokenEndpointClient, CymbioClientOptions options, TimeProvider? timeProvider, ILogger<CymbioTokenProvider>? logger, Func<ITokenSource, ILogger, ITokenSource>? level = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        var log = (ILogger?)logger ?? NullLogger.Instance;
        _ = options.TokenEndpoint ?? throw new ArgumentException("The options have no base address.", nameof(options));
        _insecure = SecureTransport.Problem(options.TokenEndpoint!, "The Cymbio token endpoint");
        _telemetry = new TokenAcquisitionTelemetry(log, _time, TokenEndpointClient.GrantName(options.EffectiveGrantType), options.ClientId);
        var endpoint = new TokenEndpointClient(tokenEndpointClient, options, _time, log);
        _source = level is null ? endpoint : level(endpoint, log);
        _cache = new TokenCache(_time);
        _fetch = Start;
    }

    /// <summary>The name of the <see cref="IHttpClientFactory"/> client used for the token endpoint.</summary>
    public const string TokenEndpointClientName = "Cymbio.TokenEndpoint";

    /// <inheritdoc/>
    public ValueTask<CymbioToken> GetTokenAsync(ScopeSet scopes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        SecureTransport.ThrowIfInsecure(_insecure, "No credentials are");
        var entry = _cache.Entry(scopes);

        // Warm path, no lock and no clock: the entry's timer clears Fresh when the token is due for renewal.
        return entry.Fresh is { } fresh
            ? new ValueTask<CymbioToken>(fresh)
            : entry.GetAsync(_fetch, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<CymbioToken> RenewAsync(CymbioToken rejected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        var key = rejected.CacheKey as ScopeSet ?? rejected.Scopes;
        _source.Rejected(key, rejected);
        return _cache.Entry(key).RenewAsync(rejected, _fetch, cancellationToken);
    }

    /// <summary>Stops background renewals and in-flight token requests.</summary>
    public void Dispose()
    {
        if (!_disposed.IsCancellationRequested)
        {
            _disposed.Cancel();
            _disposed.Dispose();
            _cache.Dispose();
        }
    }

    /// <summary>Whether a token request for <paramref name="scopes"/> is in flight (for tests and simulations).</summary>
    internal bool IsRequesting(ScopeSet scopes) => _cache.Find(scopes)?.IsRequesting ?? false;

    /// <summary>The delay after acquisition at which a token is renewed: <c>lifetime × (RefreshAfter ± RefreshJitter)</c>.</summary>
    internal static TimeSpan RefreshDelay(TimeSpan lifetime, CymbioTokenOptions options, Random random)
    {
        var fraction = options.RefreshAfter + (((random.NextDouble() * 2) - 1) * options.RefreshJitter);
        fraction = Math.Clamp(fraction, 0, 1 - options.ExpiryMargin);
        return lifetime * fraction;
    }

    /// <summary>
    /// The pause after a failed background renewal before the next one may start. Attempts close in on the token's
    /// usable end: the next starts halfway (±<see cref="RenewalPauseJitter"/>) between the start of the failed one and
    /// the usable end, never later than <see cref="CymbioTokenOptions.RefreshRetryDelay"/> after the failure and never
    /// sooner than <see cref="MinimumRenewalPause"/> (or <c>RefreshRetryDelay</c>, when shorter) after it.
    /// </summary>
    /// <param name="attempt">How long the failed attempt took, retries included.</param>
    /// <param name="usableAtStart">What was left of the token's usable lifetime when the failed attempt started.</param>
    /// <param name="options">The token options.</param>
    /// <param name="random">The jitter's random source.</param>
    /// <returns>The pause, counted from the failure.</returns>
    internal static TimeSpan RenewalPause(TimeSpan attempt, TimeSpan usableAtStart, CymbioTokenOptions options, Random random)
    {
        var half = usableAtStart * (0.5 * (1 + (((random.NextDouble() * 2) - 1) * RenewalPauseJitter)));
        var ceiling = options.RefreshRetryDelay > TimeSpan.Zero ? options.RefreshRetryDelay : TimeSpan.Zero;
        var floor = ceiling < MinimumRenewalPause ? ceiling : MinimumRenewalPause;
        var pause = half - attempt;
        return pause < floor ? floor : pause > ceiling ? ceiling : pause;
    }

    /// <summary>The shortest pause between a failed background renewal and the next, unless <c>RefreshRetryDelay</c> is shorter.</summary>
    internal static readonly TimeSpan MinimumRenewalPause = TimeSpan.FromSeconds(1);

    /// <summary>The jitter of <see cref="RenewalPause"/>: ±10 % of the halved usable time, so instances recovering from one outage do not retry in lockstep.</summary>
    internal const double RenewalPauseJitter = 0.10;

    private static Func<HttpClient> ClientOf(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return () => client;
    }

    private Task<CymbioToken> Start(TokenCacheEntry entry, bool background)
    {
        // Runs outside the caller's lock and cancellation: the request belongs to every caller waiting on it.
        var task = Task.Run(() => FetchAsync(entry, background));
        if (background)
        {
            // Nobody may await a background renewal; observe its failure so it is never "unobserved".
            _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return task;
    }

    private async Task<CymbioToken> FetchAsync(TokenCacheEntry entry, bool background)
    {
        var started = _time.GetTimestamp();
        var key = entry.Scopes;
        var scopes = key.ToString();
        using var activity = _telemetry.Start(scopes, background);
        try
        {
            var result = await RequestAsync(entry).ConfigureAwait(false);
            var granted = result.GrantedScopes ?? key;
            var token = CreateToken(result, granted);
            if (!key.IsSubsetOf(granted))
            {
                // Cache the token only under what it really carries; this request cannot be served.
                _telemetry.ScopeNarrowed(granted, scopes);
                _cache.GetOrAdd(granted).Adopt(token, result.RefreshToken);
                throw new ScopeNotGrantedException("The token request", key.Except(granted), $"the token endpoint granted only '{granted}'");
            }

            var replaced = entry.Complete(token, result.RefreshToken);
            _telemetry.Succeeded(activity, scopes, token, replaced, started);
            return token;
        }
        catch (Exception ex)
        {
            var now = _time.GetTimestamp();
            var serving = background ? entry.Current : null;
            var pause = serving is null
                ? TimeSpan.Zero
                : RenewalPause(_time.GetElapsedTime(started, now), _time.GetElapsedTime(started, serving.ExpiresTimestamp), _options.Tokens, Random.Shared);
            var next = entry.Fail(ex, background, now, pause);
            _telemetry.Failed(activity, scopes, ex, serving, now, started, next);
            throw;
        }
    }

    /// <summary>Redeems the entry's refresh token when it has one; when that is refused, signs in with the configured grant.</summary>
    private async Task<TokenEndpointResult> RequestAsync(TokenCacheEntry entry)
    {
        var refreshToken = entry.RefreshToken;
        try
        {
            return await _source.RequestAsync(entry.Scopes, refreshToken, _disposed.Token).ConfigureAwait(false);
        }
        catch (OAuthErrorException ex) when (refreshToken is not null)
        {
            // The refresh token expired or was revoked: forget it and sign in again with the configured grant.
            _telemetry.RefreshTokenRejected(ex.Error);
            entry.ForgetRefreshToken();
            return await _source.RequestAsync(entry.Scopes, null, _disposed.Token).ConfigureAwait(false);
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
}
