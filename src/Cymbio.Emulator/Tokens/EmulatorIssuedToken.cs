using System;

namespace Cymbio.Emulator;

/// <summary>
/// An access token the emulator issued, as tests and logs see it: who got it, by which grant, with which scopes, and
/// until when. The token's value is not part of it; <see cref="Id"/> tells tokens apart.
/// </summary>
/// <param name="Id">A short identifier of the token (not the token, nor derived from it).</param>
/// <param name="Account">The account's name.</param>
/// <param name="Grant">The grant it was issued for: <c>password</c>, <c>client_credentials</c> or <c>refresh_token</c>.</param>
/// <param name="Scopes">The scopes issued.</param>
/// <param name="IssuedAt">When it was issued, on the emulator's clock.</param>
/// <param name="ExpiresAt">When it expires, on the emulator's clock.</param>
public sealed record EmulatorIssuedToken(long Id, string Account, string Grant, ScopeSet Scopes, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>Whether it was revoked (by <see cref="EmulatorTokens.RevokeAll"/> or <see cref="EmulatorTokens.Revoke(string)"/>).</summary>
    public bool Revoked { get; init; }
}
