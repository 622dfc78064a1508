using System;

namespace Cymbio;

/// <summary>
/// How tokens are kept fresh and how the token endpoint's failures are survived. The defaults suit Cymbio's 5-minute
/// tokens: a token is renewed in the background after about 80 % of its life (±3 % jitter), so it serves most of its
/// life and no caller waits for a renewal; it is never used in its last 10 %.
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

    /// <summary>Gets or sets the wait before another background renewal after one failed; the current token keeps serving meanwhile.</summary>
    /// <value>The default value is 30 seconds.</value>
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
