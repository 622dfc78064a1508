using System.Threading;
using System.Threading.Tasks;

namespace Cymbio;

/// <summary>
/// Where the in-process token cache (<see cref="TokenCache"/>) gets a token when it has none to give or one is due
/// for renewal. Today that is the token endpoint (<see cref="TokenEndpointClient"/>); a second, shared cache level
/// is a source that answers from its store and asks the endpoint behind it on a miss — the cache, its single flight
/// and background renewal, and the handler stay as they are.
/// </summary>
internal interface ITokenSource
{
    /// <summary>Obtains a token for <paramref name="scopes"/>.</summary>
    /// <param name="scopes">The scopes to request.</param>
    /// <param name="refreshToken">A refresh token to redeem, or <see langword="null"/> to sign in with the configured grant.</param>
    /// <param name="cancellationToken">Cancels the request (the provider's lifetime, not a caller's).</param>
    /// <returns>The token response, after sanity checks.</returns>
    /// <exception cref="TokenEndpointException">The token could not be obtained (an OAuth error, throttling, a fault).</exception>
    Task<TokenEndpointResult> RequestAsync(ScopeSet scopes, string? refreshToken, CancellationToken cancellationToken);

    /// <summary>
    /// Told that Cymbio rejected <paramref name="token"/> with 401, before a new token for <paramref name="scopes"/> is
    /// requested: a shared level forgets it, so neither this process nor another takes it back. The endpoint keeps nothing.
    /// </summary>
    /// <param name="scopes">The scope set the token was cached under.</param>
    /// <param name="token">The rejected token.</param>
    void Rejected(ScopeSet scopes, CymbioToken token)
    {
    }
}
