using System;

namespace Cymbio;

/// <summary>
/// Options of the distributed token cache (<c>AddCymbio(…).AddDistributedTokenCache()</c>): a second cache level, in the
/// registered <c>IDistributedCache</c> (Redis, for example), shared by every process with the same credentials.
/// </summary>
public sealed class CymbioDistributedTokenCacheOptions
{
    /// <summary>Gets or sets the prefix of every key the cache writes.</summary>
    /// <value>The default value is <c>cymbio:token:</c>; the rest of a key is a SHA-256 hash, so no credential is in it.</value>
    public string KeyPrefix { get; set; } = "cymbio:token:";

    /// <summary>
    /// Gets or sets how long one operation on the distributed cache may take before the token is fetched without it.
    /// </summary>
    /// <value>The default value is 500 ms: an unreachable or hung cache costs a caller at most this, once per outage.</value>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Gets or sets how long a process waits for another process that is fetching the same token (it holds the lease)
    /// before it fetches the token itself.
    /// </summary>
    /// <value>
    /// The default value is 15 seconds: long enough for a token request on a busy machine (8 processes starting at once
    /// on 2 cores took up to 6 s to get their first token through the lease holder), short enough that a holder that
    /// dies costs the others one wait. The lease expires after the same time.
    /// </value>
    public TimeSpan LeaseWait { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets or sets how often a waiting process looks for the token the lease holder fetches.</summary>
    /// <value>The default value is 50 ms.</value>
    public TimeSpan LeasePollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Gets or sets how long a process waits after writing its claim on the lease before it reads the claim back: two
    /// processes that claim at once both see the one claim that landed last, so only one of them fetches.
    /// </summary>
    /// <value>
    /// The default value is 100 ms, paid once per cold fetch of the fleet. Two processes both fetch only when one's claim
    /// lands more than this after the other's (a process paused between its read and its write); 30 ms let that happen
    /// under heavy load.
    /// </value>
    public TimeSpan LeaseSettle { get; set; } = TimeSpan.FromMilliseconds(100);
}
