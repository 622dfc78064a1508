using System;
using System.Threading;
using System.Threading.Tasks;

namespace Cymbio;

/// <summary>
/// The in-process cache's state for one scope set: the token, the request in flight for it, the refresh token, and
/// the back-off after failures. Reads on the warm path take no lock; every change happens here, under the entry's lock.
/// </summary>
internal sealed class TokenCacheEntry : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    /// <summary>The token while it needs nothing (before its renewal time); read without the lock.</summary>
    private CymbioToken? _fresh;
    private ITimer? _timer;
    private CymbioToken? _current;
    private Task<CymbioToken>? _inFlight;
    private long _nextRefreshAttempt;
    private TokenThrottledException? _throttled;
    private long _throttledUntil;
    private string? _refreshToken;

    /// <summary>Initializes an empty entry.</summary>
    /// <param name="scopes">The scope set the entry holds tokens for (its key).</param>
    /// <param name="time">The time source of the provider.</param>
    public TokenCacheEntry(ScopeSet scopes, TimeProvider time)
    {
        Scopes = scopes;
        _time = time;
    }

    /// <summary>Starts a token request for an entry: <c>background</c> is <see langword="true"/> for a renewal nobody waits for.</summary>
    /// <param name="entry">The entry to fill.</param>
    /// <param name="background">Whether the request is a background renewal.</param>
    /// <returns>The request; it completes the entry (<see cref="Complete"/> or <see cref="Fail"/>) itself.</returns>
    public delegate Task<CymbioToken> Fetch(TokenCacheEntry entry, bool background);

    /// <summary>Gets the scope set the entry holds tokens for.</summary>
    public ScopeSet Scopes { get; }

    /// <summary>Gets the token when it is before its renewal time — the warm path: no lock and no clock.</summary>
    public CymbioToken? Fresh => Volatile.Read(ref _fresh);

    /// <summary>Gets the current token, usable or not (for logs).</summary>
    public CymbioToken? Current => Volatile.Read(ref _current);

    /// <summary>Gets whether a token request is in flight.</summary>
    public bool IsRequesting
    {
        get
        {
            lock (_gate)
            {
                return _inFlight is not null;
            }
        }
    }

    /// <summary>Gets the refresh token to redeem on the next request, if the endpoint issued one.</summary>
    public string? RefreshToken
    {
        get
        {
            lock (_gate)
            {
                return _refreshToken;
            }
        }
    }

    /// <summary>
    /// Returns a token for a caller: the current one while it is usable (starting a background renewal when it is
    /// due), otherwise the request in flight, joined or started — one request per entry however many callers wait.
    /// </summary>
    /// <param name="fetch">Starts a token request.</param>
    /// <param name="cancellationToken">Cancels this caller's wait, not the request.</param>
    /// <returns>The token.</returns>
    public ValueTask<CymbioToken> GetAsync(Fetch fetch, CancellationToken cancellationToken)
    {
        var now = _time.GetTimestamp();

        // A usable token while its renewal runs: no lock.
        var usable = Volatile.Read(ref _current);
        if (usable is not null && now < usable.ExpiresTimestamp && Volatile.Read(ref _inFlight) is not null)
        {
            return new ValueTask<CymbioToken>(usable);
        }

        Task<CymbioToken> pending;
        lock (_gate)
        {
            var current = _current;
            if (current is not null && now < current.ExpiresTimestamp)
            {
                if (now >= current.RefreshAtTimestamp && _inFlight is null && now >= _nextRefreshAttempt
                    && (_throttled is null || now >= _throttledUntil))
                {
                    _inFlight = fetch(this, true);
                }

                return new ValueTask<CymbioToken>(current);
            }

            if (_throttled is { } throttled && now < _throttledUntil)
            {
                return ValueTask.FromException<CymbioToken>(new TokenThrottledException(_time.GetElapsedTime(now, _throttledUntil), throttled.StatusCode ?? System.Net.HttpStatusCode.TooManyRequests));
            }

            pending = _inFlight ??= fetch(this, false);
        }

        return new ValueTask<CymbioToken>(pending.WaitAsync(cancellationToken));
    }

    /// <summary>
    /// Replaces a token the server rejected: a newer token someone else already obtained is returned as is (one renewal
    /// for a storm of 401s); otherwise the rejected token is dropped and a request joined or started.
    /// </summary>
    /// <param name="rejected">The token the server answered 401 to.</param>
    /// <param name="fetch">Starts a token request.</param>
    /// <param name="cancellationToken">Cancels this caller's wait, not the request.</param>
    /// <returns>The new token.</returns>
    public ValueTask<CymbioToken> RenewAsync(CymbioToken rejected, Fetch fetch, CancellationToken cancellationToken)
    {
        Task<CymbioToken> pending;
        lock (_gate)
        {
            var current = _current;
            if (current is not null && !ReferenceEquals(current, rejected) && _time.GetTimestamp() < current.ExpiresTimestamp)
            {
                return new ValueTask<CymbioToken>(current);
            }

            if (ReferenceEquals(current, rejected))
            {
                _current = null;
                _fresh = null;
            }

            pending = _inFlight ??= fetch(this, false);
        }

        return new ValueTask<CymbioToken>(pending.WaitAsync(cancellationToken));
    }

    /// <summary>Ends the request in flight with <paramref name="token"/> and clears the back-off.</summary>
    /// <param name="token">The new token.</param>
    /// <param name="refreshToken">The refresh token issued with it; <see langword="null"/> keeps the previous one.</param>
    /// <returns>Whether the token replaced an earlier one (a renewal).</returns>
    public bool Complete(CymbioToken token, string? refreshToken)
    {
        lock (_gate)
        {
            var replaced = _current is not null;
            Store(token, refreshToken);
            _inFlight = null;
            _nextRefreshAttempt = 0;
            _throttled = null;
            return replaced;
        }
    }

    /// <summary>
    /// Takes a token obtained by another entry's request (the endpoint granted exactly this entry's scopes) without
    /// touching this entry's own request, if one is in flight.
    /// </summary>
    /// <param name="token">The token.</param>
    /// <param name="refreshToken">The refresh token issued with it; <see langword="null"/> keeps the previous one.</param>
    public void Adopt(CymbioToken token, string? refreshToken)
    {
        lock (_gate)
        {
            Store(token, refreshToken);
        }
    }

    /// <summary>
    /// Ends the request in flight with a failure: a failed background renewal is retried after
    /// <paramref name="renewalPause"/> (the provider's schedule); throttling holds every request, background renewals
    /// included, until its <c>Retry-After</c> has passed, and no longer.
    /// </summary>
    /// <param name="exception">Why the request failed.</param>
    /// <param name="background">Whether it was a background renewal.</param>
    /// <param name="now">The timestamp of the failure.</param>
    /// <param name="renewalPause">The pause before the next background renewal.</param>
    /// <returns>The timestamp from which the next background renewal may start.</returns>
    public long Fail(Exception exception, bool background, long now, TimeSpan renewalPause)
    {
        lock (_gate)
        {
            _inFlight = null;
            if (background)
            {
                _nextRefreshAttempt = now + ToTicks(renewalPause);
            }

            if (exception is TokenThrottledException throttled)
            {
                _throttled = throttled;
                _throttledUntil = now + ToTicks(throttled.RetryAfter);
                _nextRefreshAttempt = Math.Max(_nextRefreshAttempt, _throttledUntil);
            }

            return _nextRefreshAttempt;
        }
    }

    /// <summary>Forgets a refresh token the endpoint refused, so the next request signs in with the configured grant.</summary>
    public void ForgetRefreshToken()
    {
        lock (_gate)
        {
            _refreshToken = null;
        }
    }

    /// <summary>Stops the entry's renewal timer.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    /// <summary>
    /// Makes <paramref name="token"/> the entry's token (under the lock) and arms the timer that takes it off the warm
    /// path when it is due for renewal.
    /// </summary>
    private void Store(CymbioToken token, string? refreshToken)
    {
        _current = token;
        _refreshToken = refreshToken ?? _refreshToken;
        _timer?.Dispose();
        var due = _time.GetElapsedTime(_time.GetTimestamp(), token.RefreshAtTimestamp);
        if (due > TimeSpan.Zero)
        {
            Volatile.Write(ref _fresh, token);

            // Clears only this token: a late callback of an earlier timer cannot take a newer token off the warm path.
            _timer = _time.CreateTimer(
                static state =>
                {
                    var (target, stored) = ((TokenCacheEntry, CymbioToken))state!;
                    Interlocked.CompareExchange(ref target._fresh, null, stored);
                },
                (this, token),
                due,
                Timeout.InfiniteTimeSpan);
        }
        else
        {
            Volatile.Write(ref _fresh, null);
            _timer = null;
        }
    }

    private long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);
}
