using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace Cymbio.Emulator;

/// <summary>Settings of a <see cref="CymbioEmulator"/>. Every setting has a default; <c>new()</c> is a working emulator.</summary>
public sealed class CymbioEmulatorOptions
{
    /// <summary>The loopback port to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>
    /// The accounts the token endpoint accepts. Empty (the default) means <see cref="EmulatorAccounts.CreateDefaults"/>.
    /// </summary>
    public IList<EmulatorAccount> Accounts { get; } = new List<EmulatorAccount>();

    /// <summary>
    /// The clock for token lifetimes, timestamps and injected delays. Default <see cref="TimeProvider.System"/>; give a
    /// <c>FakeTimeProvider</c> to expire tokens in a test without waiting.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The lifetime of issued access tokens: 300 seconds by default, as Cymbio issues them.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>The lifetime of issued refresh tokens (default 14 days).</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The shape of token responses: RFC 6749 (the default) or the camelCase shape Cymbio answered in 2018.</summary>
    public TokenResponseShape TokenResponseShape { get; set; } = TokenResponseShape.Rfc6749;

    /// <summary>Whether to seed the in-memory data (fulfillments, variants, warehouses, inventory…); default <see langword="true"/>.</summary>
    public bool SeedData { get; set; } = true;

    /// <summary>The largest request body accepted, in bytes (default 1 MiB); larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Where the emulator's host logs; <see langword="null"/> (the default) logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>How many requests the request log keeps (the oldest are dropped first; counters keep counting). Default 10,000.</summary>
    public int RequestLogCapacity { get; set; } = 10_000;

    /// <summary>
    /// Whether the emulator serves its live dashboard at <see cref="CymbioEmulator.DashboardPath"/> (on by default; it
    /// listens on the emulator's loopback address only, like the API).
    /// </summary>
    public bool Dashboard { get; set; } = true;

    internal void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "The port must be between 0 and 65535.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
        if (TokenLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TokenLifetime), TokenLifetime, "The token lifetime must be positive.");
        }

        if (RefreshTokenLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RefreshTokenLifetime), RefreshTokenLifetime, "The refresh token lifetime must be positive.");
        }

        if (MaxRequestBodyBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRequestBodyBytes), MaxRequestBodyBytes, "The body limit must be positive.");
        }

        if (RequestLogCapacity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(RequestLogCapacity), RequestLogCapacity, "The request log capacity must be positive.");
        }

        if (EmulatorAccounts.HasDuplicateClientIds(Accounts))
        {
            throw new ArgumentException("Two accounts have the same client id.", nameof(Accounts));
        }
    }
}
