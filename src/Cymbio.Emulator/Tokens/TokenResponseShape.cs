namespace Cymbio.Emulator;

/// <summary>The JSON shape of the emulator's token responses (docs/cymbio-api.md §3 and §6.5).</summary>
public enum TokenResponseShape
{
    /// <summary>RFC 6749 §5.1: <c>access_token</c>, <c>token_type</c>, <c>expires_in</c>, <c>refresh_token</c>, <c>scope</c>.</summary>
    Rfc6749,

    /// <summary>
    /// The node-oauth2-server token object Cymbio staging answered in 2018: <c>accessToken</c>,
    /// <c>accessTokenExpiresAt</c> (an ISO 8601 date), <c>refreshToken</c>, <c>refreshTokenExpiresAt</c>, <c>scope</c>.
    /// </summary>
    CamelCase,
}
