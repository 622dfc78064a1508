using System.Threading;
using System.Threading.Tasks;

namespace Cymbio;

/// <summary>Provides Cymbio access tokens: cached, renewed before they expire, one request in flight per scope set.</summary>
public interface ICymbioTokenProvider
{
    /// <summary>Gets a token for exactly <paramref name="scopes"/> (from the cache while it is fresh).</summary>
    /// <param name="scopes">The scopes to request.</param>
    /// <param name="cancellationToken">Cancels this caller's wait; a token request shared with other callers goes on.</param>
    /// <returns>A token that has at least 10 % of its lifetime left.</returns>
    /// <exception cref="TokenEndpointException">No token could be obtained (see the derived types for OAuth errors and throttling).</exception>
    /// <exception cref="ScopeNotGrantedException">The token endpoint granted fewer scopes than requested.</exception>
    ValueTask<CymbioToken> GetTokenAsync(ScopeSet scopes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a token the API rejected (401). Concurrent renewals of the same token share one token request, and a
    /// token newer than <paramref name="rejected"/> is returned without asking again.
    /// </summary>
    /// <param name="rejected">The token the API rejected.</param>
    /// <param name="cancellationToken">Cancels this caller's wait.</param>
    /// <returns>A token other than <paramref name="rejected"/>.</returns>
    ValueTask<CymbioToken> RenewAsync(CymbioToken rejected, CancellationToken cancellationToken = default);
}
