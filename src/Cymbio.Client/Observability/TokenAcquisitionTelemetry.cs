using System;
using System.Collections.Generic;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Cymbio;

/// <summary>
/// What a token acquisition reports: the <c>cymbio.token.acquire</c> activity, the acquisition counter and duration
/// histogram, and the log messages. Scopes, grant type, client id and token fingerprints only — never a secret.
/// </summary>
internal sealed class TokenAcquisitionTelemetry
{
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly string _grant;
    private readonly string? _clientId;

    /// <summary>Initializes the telemetry of one provider.</summary>
    /// <param name="logger">The provider's logger.</param>
    /// <param name="time">The provider's time source.</param>
    /// <param name="grant">The OAuth grant name (<c>password</c>, <c>client_credentials</c>).</param>
    /// <param name="clientId">The client id (not a secret).</param>
    public TokenAcquisitionTelemetry(ILogger logger, TimeProvider time, string grant, string? clientId)
    {
        _logger = logger;
        _time = time;
        _grant = grant;
        _clientId = clientId;
    }

    /// <summary>Starts the activity of an acquisition (when someone listens).</summary>
    /// <param name="scopes">The requested scopes.</param>
    /// <param name="background">Whether it is a background renewal.</param>
    /// <returns>The activity, or <see langword="null"/>.</returns>
    public Activity? Start(string scopes, bool background)
    {
        var activity = CymbioTelemetry.ActivitySource.StartActivity("cymbio.token.acquire");
        activity?.SetTag("cymbio.scopes", scopes);
        activity?.SetTag("cymbio.grant", _grant);
        activity?.SetTag("cymbio.client_id", _clientId);
        activity?.SetTag("cymbio.background", background);
        return activity;
    }

    /// <summary>Reports a token obtained.</summary>
    /// <param name="activity">The acquisition's activity.</param>
    /// <param name="scopes">The requested scopes.</param>
    /// <param name="token">The token.</param>
    /// <param name="replaced">Whether it replaced an earlier token (a renewal).</param>
    /// <param name="started">The timestamp at which the acquisition started.</param>
    public void Succeeded(Activity? activity, string scopes, CymbioToken token, bool replaced, long started)
    {
        var duration = _time.GetElapsedTime(started);
        CymbioTelemetry.TokenAcquisitions.Add(1, new KeyValuePair<string, object?>("outcome", "success"), new KeyValuePair<string, object?>("grant", _grant));
        CymbioTelemetry.TokenAcquisitionDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", "success"));
        var fingerprint = CymbioToken.Fingerprint(token.AccessToken);
        if (replaced)
        {
            Log.TokenRefreshed(_logger, scopes, fingerprint);
        }

        Log.TokenAcquired(_logger, scopes, _grant, fingerprint, token.Lifetime.TotalSeconds, _time.GetElapsedTime(token.AcquiredTimestamp, token.RefreshAtTimestamp).TotalSeconds, duration.TotalMilliseconds);
        activity?.SetStatus(ActivityStatusCode.Ok);
    }

    /// <summary>Reports a failed acquisition.</summary>
    /// <param name="activity">The acquisition's activity.</param>
    /// <param name="scopes">The requested scopes.</param>
    /// <param name="exception">Why it failed.</param>
    /// <param name="stillServing">For a failed background renewal, the token that keeps serving; otherwise <see langword="null"/>.</param>
    /// <param name="now">The timestamp of the failure.</param>
    /// <param name="started">The timestamp at which the acquisition started.</param>
    /// <param name="nextAttempt">For a failed background renewal, the timestamp from which the next may start.</param>
    public void Failed(Activity? activity, string scopes, Exception exception, CymbioToken? stillServing, long now, long started, long nextAttempt)
    {
        var outcome = exception switch
        {
            OAuthErrorException => "oauth_error",
            TokenThrottledException => "throttled",
            ScopeNotGrantedException => "scope_not_granted",
            OperationCanceledException => "canceled",
            _ => "failed",
        };
        CymbioTelemetry.TokenAcquisitions.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("grant", _grant));
        activity?.SetStatus(ActivityStatusCode.Error, outcome);
        var reason = Log.Describe(exception);
        if (stillServing is not null)
        {
            Log.BackgroundRefreshFailed(_logger, scopes, Math.Max(0, _time.GetElapsedTime(now, stillServing.ExpiresTimestamp).TotalSeconds), Math.Max(0, _time.GetElapsedTime(now, nextAttempt).TotalSeconds), reason);
        }
        else
        {
            Log.TokenFailed(_logger, scopes, _time.GetElapsedTime(started).TotalMilliseconds, reason);
        }
    }

    /// <summary>Reports a refresh token the endpoint refused; the provider signs in again.</summary>
    /// <param name="error">The OAuth error code.</param>
    public void RefreshTokenRejected(string error) => Log.RefreshTokenRejected(_logger, error, _grant);

    /// <summary>Reports a token granted for fewer scopes than requested.</summary>
    /// <param name="granted">What the endpoint granted.</param>
    /// <param name="requested">What was requested.</param>
    public void ScopeNarrowed(ScopeSet granted, string requested) => Log.ScopeNarrowed(_logger, granted.ToString(), requested);
}
