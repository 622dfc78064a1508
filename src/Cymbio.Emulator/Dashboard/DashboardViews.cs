using System;
using System.Collections.Generic;
using System.Linq;

namespace Cymbio.Emulator;

/// <summary>A token as the dashboard shows it: never its value, only what the emulator's token list knows.</summary>
internal sealed record DashboardToken(
    long Id,
    string Account,
    string Grant,
    IReadOnlyList<string> Scopes,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    bool Renewal,
    bool Revoked);

/// <summary>An answered request as the dashboard shows it. Every text in it came from a request: the page escapes it.</summary>
internal sealed record DashboardRequest(
    long Sequence,
    DateTimeOffset At,
    string Method,
    string Path,
    string? Route,
    string? Operation,
    int Status,
    string? Account,
    string? Grant,
    IReadOnlyList<string> RequiredScopes,
    IReadOnlyList<string> TokenScopes,
    IReadOnlyList<string> MissingScopes,
    long? TokenId,
    string? Error,
    string? Fault,
    string? UserAgent,
    double LatencyMs,
    bool Denied)
{
    /// <summary>The view of a request log record; the missing scopes are the route's scopes the token lacked.</summary>
    public static DashboardRequest From(EmulatorRequestRecord record)
    {
        var required = record.RequiredScopes ?? ScopeSet.Empty;
        var held = record.TokenScopes ?? ScopeSet.Empty;
        var missing = record.StatusCode == 403 && record.RequiredScopes is not null ? required.Except(held) : ScopeSet.Empty;
        return new DashboardRequest(
            record.Sequence,
            record.Timestamp,
            record.Method,
            record.Path,
            record.Route,
            record.Operation,
            record.StatusCode,
            record.Account,
            record.Grant,
            required.ToArray(),
            held.ToArray(),
            missing.ToArray(),
            record.TokenId,
            record.Error,
            record.Fault,
            record.UserAgent,
            Math.Round(record.Duration.TotalMilliseconds, 1),
            record.StatusCode is 401 or 403);
    }
}

/// <summary>The fault switches of the page, and every fault rule in force (also those a test added through <see cref="EmulatorFaults"/>).</summary>
internal sealed record DashboardFaults(
    bool TokenEndpointDown,
    int? TooManyRequestsRetryAfterSeconds,
    int? SlowResponsesMilliseconds,
    IReadOnlyList<DashboardFaultRule> Rules);

/// <summary>One fault rule in force.</summary>
internal sealed record DashboardFaultRule(string Target, string Fault, int? Remaining);

/// <summary>What a page receives first: the server's clock, the tokens, the recent requests and the faults.</summary>
internal sealed record DashboardSnapshot(
    DateTimeOffset ServerNow,
    string BaseAddress,
    IReadOnlyList<DashboardToken> Tokens,
    IReadOnlyList<DashboardRequest> Requests,
    DashboardFaults Faults);

/// <summary>A live update: one kind of event and its data, with the server's clock at the time it was sent.</summary>
internal sealed record DashboardUpdate<T>(DateTimeOffset ServerNow, T Data);
