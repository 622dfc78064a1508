using System;
using System.Collections.Generic;

namespace Cymbio.Emulator;

/// <summary>
/// An API client the emulator accepts at its token endpoint: its credentials, the scopes it may be issued, and the
/// supplier or retailer it acts for. <see cref="ToString"/> leaves the secret and the password out.
/// </summary>
public sealed record EmulatorAccount
{
    /// <summary>Creates an account.</summary>
    /// <param name="name">A short name to find the account by (<see cref="CymbioEmulator.Account(string)"/>) and to show in logs.</param>
    /// <param name="clientId">The OAuth <c>client_id</c>.</param>
    /// <param name="clientSecret">The OAuth <c>client_secret</c>.</param>
    /// <param name="allowedScopes">The scopes the account may be issued; a request for any other one is <c>invalid_scope</c>.</param>
    public EmulatorAccount(string name, string clientId, string clientSecret, IEnumerable<string> allowedScopes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        ArgumentNullException.ThrowIfNull(allowedScopes);
        Name = name;
        ClientId = clientId;
        ClientSecret = clientSecret;
        AllowedScopes = ScopeSet.Create(allowedScopes);
    }

    /// <summary>A short name to find the account by and to show in logs.</summary>
    public string Name { get; }

    /// <summary>The OAuth <c>client_id</c>.</summary>
    public string ClientId { get; }

    /// <summary>The OAuth <c>client_secret</c>.</summary>
    public string ClientSecret { get; }

    /// <summary>The scopes the account may be issued.</summary>
    public ScopeSet AllowedScopes { get; }

    /// <summary>The user name of the <c>password</c> grant, or <see langword="null"/> when the account has no user.</summary>
    public string? Username { get; init; }

    /// <summary>The password of the <c>password</c> grant.</summary>
    public string? Password { get; init; }

    /// <summary>Whether the <c>client_credentials</c> grant is accepted for this account (default <see langword="true"/>).</summary>
    public bool AllowsClientCredentials { get; init; } = true;

    /// <summary>The supplier the account acts for: its tokens reach <c>/v3/suppliers/{SupplierId}/…</c> only.</summary>
    public long? SupplierId { get; init; }

    /// <summary>The retailer the account acts for: its tokens reach <c>/v3/retailers/{RetailerId}/…</c> only.</summary>
    public long? RetailerId { get; init; }

    /// <summary>
    /// The lifetime of this account's access tokens, or <see langword="null"/> for
    /// <see cref="CymbioEmulatorOptions.TokenLifetime"/> (300 seconds, as Cymbio issues them).
    /// </summary>
    public TimeSpan? TokenLifetime { get; init; }

    /// <summary>The account's name, client id, ids and allowed scopes; never the secret or the password.</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString()
    {
        var owner = SupplierId is { } s ? $", supplier {s}" : RetailerId is { } r ? $", retailer {r}" : string.Empty;
        var user = Username is null ? string.Empty : $", user {Username}";
        return $"{Name} (client {ClientId}{user}{owner}; scopes {AllowedScopes})";
    }

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(ToString());
        return true;
    }
}
