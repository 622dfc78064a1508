using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace Cymbio;

/// <summary>
/// The distributed level behind the in-process cache: before asking Cymbio, a process looks for a fresh token that
/// another process with the same credentials stored in the <see cref="IDistributedCache"/>; when it has to ask, one
/// process at a time does (a lease in the same cache) and the others take its token. The in-process cache, its single
/// flight and background renewal stay in front, so a warm call never reaches this class. Any trouble with the
/// distributed cache — unreachable, slow past <see cref="CymbioDistributedTokenCacheOptions.OperationTimeout"/>,
/// flushed, damaged entries — makes this process fetch its own tokens, with one warning per outage.
/// </summary>
internal sealed partial class DistributedTokenSource : ITokenSource
{
    private readonly ITokenSource _inner;
    private readonly IDistributedCache _cache;
    private readonly IDataProtector _protector;
    private readonly CymbioClientOptions _client;
    private readonly CymbioDistributedTokenCacheOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _rejected = new(StringComparer.Ordinal);
    private int _unavailable;
    private int _unreadable;

    public DistributedTokenSource(ITokenSource inner, IDistributedCache cache, IDataProtectionProvider protection, CymbioClientOptions client, CymbioDistributedTokenCacheOptions options, TimeProvider time, ILogger logger)
    {
        _inner = inner;
        _cache = cache;
        _protector = protection.CreateProtector("Cymbio.Client.DistributedTokenCache", "v1");
        _client = client;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc/>
    public async Task<TokenEndpointResult> RequestAsync(ScopeSet scopes, string? refreshToken, CancellationToken cancellationToken)
    {
        var key = SharedToken.Key(_options.KeyPrefix, _client, scopes);
        if (await FreshAsync(key, cancellationToken).ConfigureAwait(false) is { } shared)
        {
            return Adopt(shared, scopes);
        }

        if (Volatile.Read(ref _unavailable) == 1)
        {
            // The cache failed (or timed out) just now: no lease, no store. Each further operation would cost a caller
            // another OperationTimeout; the next token request tries the cache again and sees it recover.
            return await _inner.RequestAsync(scopes, refreshToken, cancellationToken).ConfigureAwait(false);
        }

        // Nobody has a fresh token: one process fetches it (the lease holder); the others wait for its token, bounded.
        var lease = new Lease(this, key + ":lease");
        if (!await lease.TryTakeAsync(cancellationToken).ConfigureAwait(false))
        {
            var waitUntil = _time.GetTimestamp();
            while (_time.GetElapsedTime(waitUntil) < _options.LeaseWait)
            {
                await Task.Delay(_options.LeasePollInterval, _time, cancellationToken).ConfigureAwait(false);

                // The lease first, then the token: the holder stores its token before it releases the lease, so a
                // released lease seen here means the token (if the holder got one) is there to be read.
                var held = await lease.IsHeldByOtherAsync(cancellationToken).ConfigureAwait(false);
                if (await FreshAsync(key, cancellationToken).ConfigureAwait(false) is { } fetched)
                {
                    return Adopt(fetched, scopes);
                }

                if (!held)
                {
                    break;
                }
            }
        }

        try
        {
            // Another process may have stored a token and released the lease just before this one claimed it.
            if (lease.Claimed && await FreshAsync(key, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                return Adopt(stored, scopes);
            }

            var result = await _inner.RequestAsync(scopes, refreshToken, cancellationToken).ConfigureAwait(false);
            await StoreAsync(key, result, cancellationToken).ConfigureAwait(false);
            return result;
        }
        finally
        {
            await lease.ReleaseAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public void Rejected(ScopeSet scopes, CymbioToken token)
    {
        // Remembered so that this process never takes it back from the cache, and removed there (when it still holds
        // it) so that no other process keeps sending it.
        var hash = SharedToken.Hash(token.AccessToken);
        _rejected[hash] = SharedUsableUntil(token);
        var key = SharedToken.Key(_options.KeyPrefix, _client, token.CacheKey as ScopeSet ?? scopes);
        _ = EvictAsync(key, hash, token);
    }

    private async Task EvictAsync(string key, string hash, CymbioToken token)
    {
        var stored = await ReadAsync(key, CancellationToken.None).ConfigureAwait(false);
        if (stored is not null && SharedToken.Hash(stored.AccessToken) == hash)
        {
            await TryAsync(ct => _cache.RemoveAsync(key, ct), CancellationToken.None).ConfigureAwait(false);
            DistributedCacheLog.Evicted(_logger, CymbioToken.Fingerprint(token.AccessToken));
        }
    }

    private DateTimeOffset SharedUsableUntil(CymbioToken token) =>
        _time.GetUtcNow() + _time.GetElapsedTime(_time.GetTimestamp(), token.ExpiresTimestamp);

    private async Task<SharedToken?> FreshAsync(string key, CancellationToken cancellationToken)
    {
        var shared = await ReadAsync(key, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        return shared is not null && shared.IsFresh(now, _client.Tokens) && !IsRejected(shared, now) ? shared : null;
    }

    private bool IsRejected(SharedToken shared, DateTimeOffset now)
    {
        if (_rejected.IsEmpty)
        {
            return false;
        }

        foreach (var (hash, until) in _rejected)
        {
            if (until < now)
            {
                _rejected.TryRemove(hash, out _);
            }
        }

        return _rejected.ContainsKey(SharedToken.Hash(shared.AccessToken));
    }

    private async Task<SharedToken?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var (ok, value) = await TryAsync(ct => _cache.GetAsync(key, ct), cancellationToken).ConfigureAwait(false);
        if (!ok || value is null)
        {
            return null;
        }

        var shared = SharedToken.Unprotect(_protector, key, value);
        if (shared is null)
        {
            // One warning until an entry reads again (a foreign key ring makes every read fail the same way).
            if (Interlocked.Exchange(ref _unreadable, 1) == 0)
            {
                DistributedCacheLog.Unreadable(_logger);
            }
        }
        else
        {
            Volatile.Write(ref _unreadable, 0);
        }

        return shared;
    }

    private async Task StoreAsync(string key, TokenEndpointResult result, CancellationToken cancellationToken)
    {
        // The token's own clock: requested when the request was sent, usable until its lifetime less the margin.
        var requestedAt = _time.GetUtcNow() - _time.GetElapsedTime(result.SentTimestamp);
        var shared = new SharedToken(result.AccessToken, result.GrantedScopes, result.Lifetime, requestedAt);
        var entry = new DistributedCacheEntryOptions { AbsoluteExpiration = shared.UsableUntil(_client.Tokens) };
        if (entry.AbsoluteExpiration <= _time.GetUtcNow())
        {
            return;
        }

        var value = shared.Protect(_protector, key);
        await TryAsync(ct => _cache.SetAsync(key, value, entry, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A token another process stored, as this process's token response: same lifetime, started when it was requested.</summary>
    private TokenEndpointResult Adopt(SharedToken shared, ScopeSet scopes)
    {
        var age = _time.GetUtcNow() - shared.RequestedAt;
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero; // the other process's clock is ahead: count the token as requested now
        }

        DistributedCacheLog.Adopted(_logger, scopes.ToString(), CymbioToken.Fingerprint(shared.AccessToken), Math.Round(age.TotalSeconds, 1));
        var sent = _time.GetTimestamp() - (long)(age.TotalSeconds * _time.TimestampFrequency);
        return new TokenEndpointResult(shared.AccessToken, shared.GrantedScopes, shared.Lifetime, RefreshToken: null, sent);
    }

    private async Task<bool> TryAsync(Func<CancellationToken, Task> operation, CancellationToken cancellationToken) =>
        (await TryAsync(async ct => { await operation(ct).ConfigureAwait(false); return true; }, cancellationToken).ConfigureAwait(false)).Ok;

    /// <summary>One operation on the distributed cache, bounded by the operation timeout; a failure is logged once per outage.</summary>
    private async Task<(bool Ok, T? Value)> TryAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            // WaitAsync bounds a cache client that does not honour its token (a hung connection).
            var value = await operation(timeout.Token).WaitAsync(_options.OperationTimeout, _time, cancellationToken).ConfigureAwait(false);
            if (Interlocked.Exchange(ref _unavailable, 0) == 1)
            {
                DistributedCacheLog.Recovered(_logger);
            }

            return (true, value);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            timeout.Cancel();
            if (Interlocked.Exchange(ref _unavailable, 1) == 0)
            {
                DistributedCacheLog.Unavailable(_logger, ex is TimeoutException ? $"no answer within {_options.OperationTimeout.TotalMilliseconds} ms" : ServerText.Printable(ex.GetType().Name + ": " + ex.Message, 256) ?? ex.GetType().Name);
            }

            return (false, default);
        }
    }
}
