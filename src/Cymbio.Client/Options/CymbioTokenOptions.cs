using System;

namespace Cymbio;

/// <summary>
/// How tokens are kept fresh and how the token endpoint's failures are survived. The defaults suit Cymbio's 5-minute
/// tokens: a token is renewed in the background after about 80 % of its life (±3 % jitter), so it serves most of its
/// life and no caller waits for a renewal; a failed renewal is retried in the background at shrinking intervals (see
/// <see cref="RefreshRetryDelay"/>) until the token's usable end; it is never used in its last 10 %.
/// </summary>
public sealed class CymbioTokenOptions
{
    /// <summary>Gets or sets the fraction of a token's lifetime after which it is renewed in the background.</summary>
    /// <value>The default value is 0.80 (240 s of a 300 s token): at most 16 token requests an hour, never before 75 % of the lifetime.</value>
    public double RefreshAfter { get; set; } = 0.80;

    /// <summary>Gets or sets the random jitter added to <see cref="RefreshAfter"/>, as a fraction of the lifetime, so that instances do not renew in lockstep.</summary>
    /// <value>The default value is 0.03 (±9 s of a 300 s token).</value>
    public double RefreshJitter { get; set; } = 0.03;

    /// <summary>Gets or sets the final fraction of a token's lifetime in which it is no longer sent; callers then wait for a new token.</summary>
    /// <value>The default value is 0.10 (the last 30 s of a 300 s token).</value>
    public double ExpiryMargin { get; set; } = 0.10;

    /// <summary>Gets or sets the lifetime assumed when a token response states none, or an unusable one.</summary>
    /// <value>The default value is 300 seconds, Cymbio's documented lifetime.</value>
    public TimeSpan DefaultLifetime { get; set; } = TimeSpan.FromSeconds(CymbioEnvironments.TokenLifetimeSeconds);

    /// <summary>Gets or sets the longest lifetime believed; a longer stated lifetime is replaced by <see cref="DefaultLifetime"/>, so no token is cached indefinitely.</summary>
    /// <value>The default value is one hour.</value>
    public TimeSpan MaximumLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets the longest pause between a failed background renewal and the next; the current token keeps serving
    /// meanwhile. Failed renewals are retried at shrinking intervals until the token's usable end (its lifetime minus
    /// <see cref="ExpiryMargin"/>): each attempt starts halfway (±10 %) between the start of the failed one and the usable
    /// end, never later than this after the failure and never sooner than 1 second (or this, when shorter) after it.
    /// A <c>Retry-After</c> from the token endpoint postpones the next attempt until it has passed, and no longer.
    /// </summary>
    /// <value>
    /// The default value is 30 seconds. It does not bind for Cymbio's 300-second tokens, whose renewal window is shorter
    /// (attempts at about 240, 255, 262.5 and 266 s when each fails at once); it keeps a longer-lived token's renewal
    /// attempts at most 30 seconds apart.
    /// </value>
    public TimeSpan RefreshRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how many times a token request is retried after a 5xx, 429 or network failure.</summary>
    /// <value>The default value is 3 (4 attempts in all).</value>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Gets or sets the first retry delay; later delays grow exponentially, with jitter.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest <c>Retry-After</c> honoured; a longer one is capped to this.</summary>
    /// <value>The default value is 60 seconds.</value>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the timeout of one token request.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the timeout of a whole acquisition, retries included.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
