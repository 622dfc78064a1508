using System;
using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Cymbio;

/// <summary>
/// A token as the distributed cache holds it: the access token, the scopes it was granted, its lifetime and when it
/// was requested (UTC), serialized and then encrypted with Data Protection under a purpose bound to its key, so an entry
/// copied to another key, written by a foreign application or damaged does not read. Never a refresh token.
/// </summary>
internal sealed class SharedToken
{
    private const int Version = 1;

    public SharedToken(string accessToken, ScopeSet? grantedScopes, TimeSpan lifetime, DateTimeOffset requestedAt)
    {
        AccessToken = accessToken;
        GrantedScopes = grantedScopes;
        Lifetime = lifetime;
        RequestedAt = requestedAt;
    }

    public string AccessToken { get; }

    public ScopeSet? GrantedScopes { get; }

    public TimeSpan Lifetime { get; }

    /// <summary>When the token was requested (the start of its lifetime, as the process that fetched it saw the clock).</summary>
    public DateTimeOffset RequestedAt { get; }

    /// <summary>The end of the token's usable lifetime: its lifetime less the expiry margin, from <see cref="RequestedAt"/>.</summary>
    public DateTimeOffset UsableUntil(CymbioTokenOptions options) => RequestedAt + (Lifetime * (1 - options.ExpiryMargin));

    /// <summary>
    /// Whether the token is not yet due for renewal anywhere: before the earliest renewal point of its lifetime
    /// (<c>RefreshAfter − RefreshJitter</c>). A process adopts only such a token; one due for renewal is renewed.
    /// </summary>
    public bool IsFresh(DateTimeOffset now, CymbioTokenOptions options) =>
        now < RequestedAt + (Lifetime * (options.RefreshAfter - options.RefreshJitter));

    /// <summary>The cache key: a prefix and the SHA-256 of endpoint, client, user, grant and scope set — no secret, no name in clear.</summary>
    public static string Key(string prefix, CymbioClientOptions options, ScopeSet scopes)
    {
        var identity = string.Join(
            '\n',
            "v" + Version,
            options.TokenEndpoint?.AbsoluteUri ?? string.Empty,
            options.ClientId,
            options.Username ?? string.Empty,
            TokenEndpointClient.GrantName(options.EffectiveGrantType),
            scopes.ToString());
        return prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
    }

    /// <summary>The SHA-256 of an access token, to recognise a rejected token without keeping it.</summary>
    public static string Hash(string accessToken) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(accessToken)));

    /// <summary>Serializes and encrypts the token for <paramref name="key"/>.</summary>
    public byte[] Protect(IDataProtector protector, string key)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", Version);
            writer.WriteString("access_token", AccessToken);
            if (GrantedScopes is not null)
            {
                writer.WriteString("scope", GrantedScopes.ToString());
            }

            writer.WriteNumber("lifetime_ms", (long)Lifetime.TotalMilliseconds);
            writer.WriteNumber("requested_at_ms", RequestedAt.ToUnixTimeMilliseconds());
            writer.WriteEndObject();
        }

        return protector.CreateProtector(key).Protect(buffer.WrittenSpan.ToArray());
    }

    /// <summary>Decrypts and reads an entry of <paramref name="key"/>; <see langword="null"/> when it is not one this application wrote for that key.</summary>
    public static SharedToken? Unprotect(IDataProtector protector, string key, byte[] value)
    {
        byte[] plain;
        try
        {
            plain = protector.CreateProtector(key).Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(plain);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("v", out var version) || !version.TryGetInt32(out var v) || v != Version
                || !root.TryGetProperty("access_token", out var token) || token.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(token.GetString())
                || !root.TryGetProperty("lifetime_ms", out var lifetime) || !lifetime.TryGetInt64(out var lifetimeMs) || lifetimeMs <= 0
                || !root.TryGetProperty("requested_at_ms", out var requested) || !requested.TryGetInt64(out var requestedMs))
            {
                return null;
            }

            ScopeSet? scopes = null;
            if (root.TryGetProperty("scope", out var scope) && (scope.ValueKind != JsonValueKind.String || !ScopeSet.TryParse(scope.GetString(), out scopes)))
            {
                return null;
            }

            return new SharedToken(token.GetString()!, scopes, TimeSpan.FromMilliseconds(lifetimeMs), DateTimeOffset.FromUnixTimeMilliseconds(requestedMs));
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"SharedToken(#{CymbioToken.Fingerprint(AccessToken)}, {GrantedScopes}, requested {RequestedAt:O})";
}
