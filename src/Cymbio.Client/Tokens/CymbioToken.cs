using System;
using System.Diagnostics;

namespace Cymbio;

/// <summary>
/// An access token and what it was issued for. <see cref="ToString"/> and the debugger show a short fingerprint,
/// never the token itself.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class CymbioToken
{
    internal CymbioToken(string accessToken, ScopeSet scopes, TimeSpan lifetime, long acquiredTimestamp, long refreshAtTimestamp, long expiresTimestamp, object? cacheKey = null)
    {
        CacheKey = cacheKey;
        AccessToken = accessToken;
        Scopes = scopes;
        Lifetime = lifetime;
        AcquiredTimestamp = acquiredTimestamp;
        RefreshAtTimestamp = refreshAtTimestamp;
        ExpiresTimestamp = expiresTimestamp;
    }

    /// <summary>Gets the bearer token to send. Treat it as a secret: do not log or display it.</summary>
    public string AccessToken { get; }

    /// <summary>Gets the scopes the token carries.</summary>
    public ScopeSet Scopes { get; }

    /// <summary>Gets the token's lifetime as issued (after sanity checks).</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>Gets the cache entry's key the token was issued for.</summary>
    internal object? CacheKey { get; }

    /// <summary>Gets the <c>Authorization</c> header value, built once per token.</summary>
    internal System.Net.Http.Headers.AuthenticationHeaderValue Header => _header ??= new("Bearer", AccessToken);

    private System.Net.Http.Headers.AuthenticationHeaderValue? _header;

    /// <summary>Gets the monotonic timestamp (<see cref="TimeProvider.GetTimestamp"/>) at which the token request was sent.</summary>
    internal long AcquiredTimestamp { get; }

    /// <summary>Gets the monotonic timestamp after which a background renewal starts.</summary>
    internal long RefreshAtTimestamp { get; }

    /// <summary>Gets the monotonic timestamp after which the token is no longer sent.</summary>
    internal long ExpiresTimestamp { get; }

    /// <summary>Returns a fingerprint of the token (its hash prefix) and its scopes — never the token itself.</summary>
    /// <returns>For example <c>CymbioToken(#3fa2c1d0, read:orders)</c>.</returns>
    public override string ToString() => $"CymbioToken(#{Fingerprint(AccessToken)}, {Scopes})";

    internal static string Fingerprint(string secret)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));
        return Convert.ToHexStringLower(hash, 0, 4);
    }
}
