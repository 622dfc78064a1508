using System;
using Microsoft.Extensions.Logging;

namespace Cymbio;

/// <summary>Source-generated log messages. None takes a secret or a token; tokens appear only as fingerprints.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Cymbio token acquired for scopes '{Scopes}' ({Grant} grant, token #{Fingerprint}): lifetime {LifetimeSeconds} s, renewal after {RefreshSeconds} s, took {DurationMs} ms.")]
    public static partial void TokenAcquired(ILogger logger, string scopes, string grant, string fingerprint, double lifetimeSeconds, double refreshSeconds, double durationMs);

    [LoggerMessage(2, LogLevel.Debug, "Cymbio token for scopes '{Scopes}' renewed in the background (token #{Fingerprint}).")]
    public static partial void TokenRefreshed(ILogger logger, string scopes, string fingerprint);

    [LoggerMessage(3, LogLevel.Warning, "Cymbio token acquisition for scopes '{Scopes}' failed after {DurationMs} ms: {Reason}")]
    public static partial void TokenFailed(ILogger logger, string scopes, double durationMs, string reason);

    [LoggerMessage(4, LogLevel.Warning, "Background renewal of the Cymbio token for scopes '{Scopes}' failed; the current token keeps serving for {RemainingSeconds} s more, next attempt in {RetrySeconds} s: {Reason}")]
    public static partial void BackgroundRefreshFailed(ILogger logger, string scopes, double remainingSeconds, double retrySeconds, string reason);

    [LoggerMessage(5, LogLevel.Warning, "The Cymbio token endpoint stated an unusable lifetime ({Stated}); using {DefaultSeconds} s.")]
    public static partial void UnusableLifetime(ILogger logger, string stated, double defaultSeconds);

    [LoggerMessage(6, LogLevel.Debug, "Retrying the Cymbio token request (attempt {Attempt}) in {DelayMs} ms: {Reason}")]
    public static partial void TokenRetry(ILogger logger, int attempt, double delayMs, string reason);

    [LoggerMessage(7, LogLevel.Information, "Cymbio answered 401 to {Operation} with token #{Fingerprint}; renewing the token and retrying once.")]
    public static partial void Unauthorized(ILogger logger, string operation, string fingerprint);

    [LoggerMessage(8, LogLevel.Warning, "Cymbio call {Operation} refused before sending: {Reason}")]
    public static partial void RequestRefused(ILogger logger, string operation, string reason);

    [LoggerMessage(9, LogLevel.Debug, "Request to {Host} is not a Cymbio host; sent without an Authorization header.")]
    public static partial void ForeignHost(ILogger logger, string host);

    [LoggerMessage(10, LogLevel.Warning, "The Cymbio token endpoint granted '{Granted}' for a request of '{Requested}'.")]
    public static partial void ScopeNarrowed(ILogger logger, string granted, string requested);

    [LoggerMessage(11, LogLevel.Information, "The Cymbio refresh token was refused ({Error}); signing in again with the {Grant} grant.")]
    public static partial void RefreshTokenRejected(ILogger logger, string error, string grant);

    [LoggerMessage(12, LogLevel.Warning, "Cymbio call {Operation} needs '{Unforeseen}', which the build did not find the code requiring (a call through reflection, or code loaded later); its token is requested for '{Requested}'. Rebuild the application with Cymbio.Client's generator to include it; this set is not reported again.")]
    public static partial void UnforeseenRequirement(ILogger logger, string operation, string unforeseen, string requested);

    [LoggerMessage(13, LogLevel.Warning, "Cymbio grants {Unneeded} that no code in this application requires; remove them to hold least privilege.")]
    public static partial void OverGranted(ILogger logger, string unneeded);

    public static string Describe(Exception exception) => exception switch
    {
        OAuthErrorException oauth => $"OAuth error {oauth.Error} (HTTP {(int?)oauth.StatusCode})",
        TokenEndpointException endpoint => endpoint.Message,
        _ => exception.GetType().Name,
    };
}
