using System;

namespace Cymbio.Emulator;

/// <summary>One request the emulator answered, as its request log keeps it. It holds no token, secret or body.</summary>
public sealed record EmulatorRequestRecord
{
    /// <summary>A sequence number, from 1.</summary>
    public required long Sequence { get; init; }

    /// <summary>When the request arrived, on the emulator's clock.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>The path as requested (without the query string).</summary>
    public required string Path { get; init; }

    /// <summary>The matched route template, <c>/oauth/token</c> for token requests, or <see langword="null"/> for an unknown route.</summary>
    public string? Route { get; init; }

    /// <summary>The Cymbio.Api operation the route belongs to, for example <c>ISupplierFulfillmentsApi.ListAsync</c>.</summary>
    public string? Operation { get; init; }

    /// <summary>The status code answered.</summary>
    public int StatusCode { get; init; }

    /// <summary>The account of the bearer token or of the token request's credentials, when known.</summary>
    public string? Account { get; init; }

    /// <summary>For token requests, the <c>grant_type</c> asked for.</summary>
    public string? Grant { get; init; }

    /// <summary>For API requests, the scopes the route requires.</summary>
    public ScopeSet? RequiredScopes { get; init; }

    /// <summary>For API requests, the scopes of the bearer token; for token requests, the scopes issued.</summary>
    public ScopeSet? TokenScopes { get; init; }

    /// <summary>
    /// For API requests, the <see cref="EmulatorIssuedToken.Id"/> of a known bearer token (also when it was expired or
    /// revoked); for token requests, the id of the token issued. Null when there was none.
    /// </summary>
    public long? TokenId { get; init; }

    /// <summary>The OAuth or RFC 6750 error answered, for example <c>invalid_token</c>, <c>insufficient_scope</c> or <c>invalid_scope</c>.</summary>
    public string? Error { get; init; }

    /// <summary>The injected fault played, if any.</summary>
    public string? Fault { get; init; }

    /// <summary>The longest <see cref="UserAgent"/> kept, in characters.</summary>
    public const int MaxUserAgentLength = 200;

    /// <summary>
    /// The request's <c>User-Agent</c>, with control and formatting characters removed and at most
    /// <see cref="MaxUserAgentLength"/> characters; <see langword="null"/> when it sent none. It is the client's text:
    /// whoever shows it must escape it.
    /// </summary>
    public string? UserAgent { get; init; }

    /// <summary>How long the answer took (wall time).</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Whether this is a token request.</summary>
    public bool IsTokenRequest => Grant is not null || string.Equals(Route, CymbioEmulator.TokenPath, StringComparison.Ordinal);
}
