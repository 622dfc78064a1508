using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;

namespace Cymbio.Emulator;

/// <summary>
/// The access and refresh tokens an emulator has issued: what the API routes validate bearer tokens against, and where a
/// test revokes them. Revoking access tokens leaves refresh tokens usable, so a client can renew with the
/// <c>refresh_token</c> grant as it would after Cymbio revoked a token.
/// </summary>
public sealed class EmulatorTokens
{
    private const int PruneThreshold = 10_000;

    private readonly ConcurrentDictionary<string, AccessEntry> _access = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RefreshEntry> _refresh = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private long _nextId;

    internal EmulatorTokens(TimeProvider clock) => _clock = clock;

    /// <summary>Raised after a token is issued (on the thread that answered the token request).</summary>
    public event Action<EmulatorIssuedToken>? TokenIssued;

    /// <summary>Raised after tokens were revoked, with the tokens revoked (each with <see cref="EmulatorIssuedToken.Revoked"/> set).</summary>
    public event Action<IReadOnlyList<EmulatorIssuedToken>>? TokensRevoked;

    /// <summary>Every access token issued and not yet pruned, oldest first.</summary>
    public IReadOnlyList<EmulatorIssuedToken> Issued =>
        _access.Values.Select(static e => e.Token).OrderBy(static t => t.Id).ToArray();

    /// <summary>Revokes every access token issued so far: the next call with any of them gets 401 <c>invalid_token</c>.</summary>
    /// <returns>How many tokens were revoked (tokens already expired or revoked are not counted).</returns>
    public int RevokeAll() => RevokeWhere(static _ => true);

    /// <summary>Revokes the access tokens issued to one account.</summary>
    /// <param name="accountName">The account's <see cref="EmulatorAccount.Name"/>.</param>
    /// <returns>How many tokens were revoked.</returns>
    public int Revoke(string accountName)
    {
        ArgumentNullException.ThrowIfNull(accountName);
        return RevokeWhere(t => string.Equals(t.Account, accountName, StringComparison.Ordinal));
    }

    /// <summary>Revokes the refresh tokens issued to one account, so that renewing needs the account's credentials again.</summary>
    /// <param name="accountName">The account's <see cref="EmulatorAccount.Name"/>.</param>
    /// <returns>How many refresh tokens were revoked.</returns>
    public int RevokeRefreshTokens(string accountName)
    {
        ArgumentNullException.ThrowIfNull(accountName);
        var count = 0;
        foreach (var (key, entry) in _refresh)
        {
            if (string.Equals(entry.Account.Name, accountName, StringComparison.Ordinal) && _refresh.TryRemove(key, out _))
            {
                count++;
            }
        }

        return count;
    }

    internal (string AccessToken, string RefreshToken, EmulatorIssuedToken Token) Issue(EmulatorAccount account, string grant, ScopeSet scopes, TimeSpan lifetime, TimeSpan refreshLifetime)
    {
        var now = _clock.GetUtcNow();
        Prune(now);
        var token = new EmulatorIssuedToken(Interlocked.Increment(ref _nextId), account.Name, grant, scopes, now, now + lifetime);
        var access = NewSecret("cym_at_");
        var refresh = NewSecret("cym_rt_");
        _access[access] = new AccessEntry(account, token);
        _refresh[refresh] = new RefreshEntry(account, scopes, now + refreshLifetime);
        TokenIssued?.Invoke(token);
        return (access, refresh, token);
    }

    /// <summary>Validates a bearer token: known, not revoked, not expired.</summary>
    internal BearerValidation Validate(string? accessToken)
    {
        if (string.IsNullOrEmpty(accessToken))
        {
            return new(null, null, "The request carries no bearer token.");
        }

        if (!_access.TryGetValue(accessToken, out var entry))
        {
            return new(null, null, "The access token is not one this server issued.");
        }

        if (entry.Token.Revoked)
        {
            return new(null, entry.Token, "The access token was revoked.");
        }

        return _clock.GetUtcNow() >= entry.Token.ExpiresAt
            ? new(null, entry.Token, "The access token expired.")
            : new(entry.Account, entry.Token, null);
    }

    /// <summary>Redeems a refresh token for <paramref name="clientId"/>: it is used up (rotated) when valid.</summary>
    internal bool TryRedeem(string refreshToken, string clientId, out EmulatorAccount? account, out ScopeSet? scopes)
    {
        account = null;
        scopes = null;
        if (!_refresh.TryGetValue(refreshToken, out var entry)
            || !string.Equals(entry.Account.ClientId, clientId, StringComparison.Ordinal)
            || _clock.GetUtcNow() >= entry.ExpiresAt
            || !_refresh.TryRemove(refreshToken, out _))
        {
            return false;
        }

        account = entry.Account;
        scopes = entry.Scopes;
        return true;
    }

    private int RevokeWhere(Func<EmulatorIssuedToken, bool> match)
    {
        var now = _clock.GetUtcNow();
        var revoked = new List<EmulatorIssuedToken>();
        foreach (var (key, entry) in _access)
        {
            var token = entry.Token with { Revoked = true };
            if (!entry.Token.Revoked && now < entry.Token.ExpiresAt && match(entry.Token)
                && _access.TryUpdate(key, entry with { Token = token }, entry))
            {
                revoked.Add(token);
            }
        }

        if (revoked.Count > 0)
        {
            TokensRevoked?.Invoke(revoked);
        }

        return revoked.Count;
    }

    private void Prune(DateTimeOffset now)
    {
        if (_access.Count < PruneThreshold)
        {
            return;
        }

        foreach (var (key, entry) in _access)
        {
            if (entry.Token.ExpiresAt <= now)
            {
                _access.TryRemove(key, out _);
            }
        }

        foreach (var (key, entry) in _refresh)
        {
            if (entry.ExpiresAt <= now)
            {
                _refresh.TryRemove(key, out _);
            }
        }
    }

    private static string NewSecret(string prefix) => prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Base64UrlEncode(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private sealed record AccessEntry(EmulatorAccount Account, EmulatorIssuedToken Token);

    private sealed record RefreshEntry(EmulatorAccount Account, ScopeSet Scopes, DateTimeOffset ExpiresAt);
}

/// <summary>The outcome of validating a bearer token: the account when valid, otherwise why not.</summary>
internal readonly record struct BearerValidation(EmulatorAccount? Account, EmulatorIssuedToken? Token, string? Failure);
