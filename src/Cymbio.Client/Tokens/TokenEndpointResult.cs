using System;

namespace Cymbio;

/// <summary>What a successful token response said, after sanity checks. Its text form never shows the tokens.</summary>
internal sealed record TokenEndpointResult(string AccessToken, ScopeSet? GrantedScopes, TimeSpan Lifetime, string? RefreshToken, long SentTimestamp)
{
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("AccessToken = #").Append(CymbioToken.Fingerprint(AccessToken))
            .Append(", GrantedScopes = ").Append(GrantedScopes)
            .Append(", Lifetime = ").Append(Lifetime)
            .Append(", RefreshToken = ").Append(RefreshToken is null ? "(none)" : "****");
        return true;
    }
}
