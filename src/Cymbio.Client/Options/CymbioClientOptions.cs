using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json.Serialization;

namespace Cymbio;

/// <summary>
/// Configures Cymbio clients: where Cymbio is, the credentials, the scopes they are granted, and how tokens are kept.
/// </summary>
/// <remarks>
/// Bind it from configuration (<c>services.AddCymbio(configuration.GetSection("Cymbio"))</c>) or set it in code. Secrets
/// (<see cref="ClientSecret"/>, <see cref="Password"/>) never appear in <see cref="ToString"/>, the debugger display or
/// JSON serialization.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class CymbioClientOptions
{
    /// <summary>Gets or sets the environment.</summary>
    /// <value>The default value is <see cref="CymbioEnvironment.Production"/>.</value>
    public CymbioEnvironment Environment { get; set; } = CymbioEnvironment.Production;

    /// <summary>
    /// Gets or sets the base address of a <see cref="CymbioEnvironment.Custom"/> environment. HTTPS is required except
    /// for loopback addresses.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Uri? BaseAddress { get; set; }

    /// <summary>Gets or sets the path of the token endpoint, relative to the base address.</summary>
    /// <value>The default value is <c>oauth/token</c>.</value>
    public string TokenPath { get; set; } = CymbioEnvironments.TokenPath;

    /// <summary>Gets or sets the OAuth client id Cymbio issued.</summary>
    /// <value>The default value is <see langword="null"/>; required.</value>
    public string? ClientId { get; set; }

    /// <summary>Gets or sets the OAuth client secret Cymbio issued. Never logged or displayed.</summary>
    /// <value>The default value is <see langword="null"/>; required.</value>
    [JsonIgnore]
    public string? ClientSecret { get; set; }

    /// <summary>Gets or sets the user name for the password grant.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Username { get; set; }

    /// <summary>Gets or sets the password for the password grant. Kept in memory only; never logged or displayed.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    [JsonIgnore]
    public string? Password { get; set; }

    /// <summary>Gets or sets the grant. When <see langword="null"/>, the password grant is used if a user name is configured, otherwise client credentials.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public CymbioGrantType? GrantType { get; set; }

    /// <summary>Gets or sets the supplier id Cymbio issued, for supplier clients.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public long? SupplierId { get; set; }

    /// <summary>Gets or sets the retailer id Cymbio issued, for retailer clients.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public long? RetailerId { get; set; }

    /// <summary>
    /// Gets the scopes the credentials are granted. A call whose operation needs a scope outside this list fails
    /// before it reaches the network. Must cover every <c>[assembly: CymbioGrants]</c> the code declares and, under
    /// <see cref="CymbioScopeStrategy.Required"/>, the scopes the build derived (<see cref="CymbioRequiredScopesAttribute"/>).
    /// </summary>
    /// <remarks>
    /// When the build derived the scopes the application's code requires, grants outside them are logged once as a
    /// warning (category <c>Cymbio.CymbioClientOptions</c>, event 13) when the first Cymbio client is created, whatever
    /// the <see cref="ScopeStrategy"/>: remove them to hold least privilege.
    /// </remarks>
    /// <value>The default value is an empty list; at least one scope is required.</value>
    public IList<string> Grants { get; } = new List<string>();

    /// <summary>Gets or sets which scopes a token is requested for.</summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item><see cref="CymbioScopeStrategy.AllGranted"/>: one token for every operation, carrying every grant.</item>
    /// <item><see cref="CymbioScopeStrategy.LeastPrivilege"/>: one token per requirement set, carrying only the
    /// operation's scopes.</item>
    /// <item><see cref="CymbioScopeStrategy.Required"/>: one token for every operation, carrying exactly the scopes the
    /// build derived for the application (the union of <see cref="CymbioRequiredScopesAttribute"/> over the loaded
    /// assemblies). A call needing a scope outside that set but inside <see cref="Grants"/> (reflection, a plug-in
    /// loaded later) gets a token for the union, with one warning per such set. Start-up validation fails when no
    /// loaded assembly carries the attribute (build the application with Cymbio.Client's generator) and when
    /// <see cref="Grants"/> lack a derived scope.</item>
    /// </list>
    /// Whatever the strategy, an operation needing a scope outside <see cref="Grants"/> fails before any network call.
    /// </remarks>
    /// <value>The default value is <see cref="CymbioScopeStrategy.AllGranted"/>.</value>
    public CymbioScopeStrategy ScopeStrategy { get; set; } = CymbioScopeStrategy.AllGranted;

    /// <summary>Gets or sets the separator between scopes in the token request's <c>scope</c> field.</summary>
    /// <value>The default value is a single space (RFC 6749 §3.3).</value>
    public string ScopeSeparator { get; set; } = " ";

    /// <summary>Gets the token lifetime, refresh and token-endpoint retry settings.</summary>
    public CymbioTokenOptions Tokens { get; } = new();

    /// <summary>Gets the grant that will be used, after applying the default.</summary>
    [JsonIgnore]
    public CymbioGrantType EffectiveGrantType => GrantType ?? (string.IsNullOrEmpty(Username) ? CymbioGrantType.ClientCredentials : CymbioGrantType.Password);

    /// <summary>Gets the base address of the configured environment, or <see langword="null"/> when a custom one is missing.</summary>
    [JsonIgnore]
    public Uri? EffectiveBaseAddress => Environment switch
    {
        CymbioEnvironment.Production => BaseAddress ?? new Uri(CymbioEnvironments.Production),
        CymbioEnvironment.Staging => BaseAddress ?? new Uri(CymbioEnvironments.Staging),
        _ => BaseAddress,
    };

    /// <summary>Gets the absolute address of the token endpoint, or <see langword="null"/> when the base address is missing.</summary>
    [JsonIgnore]
    public Uri? TokenEndpoint => EffectiveBaseAddress is { } baseAddress ? new Uri(WithTrailingSlash(baseAddress), TokenPath) : null;

    /// <summary>Describes the options without secrets: <c>ClientSecret</c> and <c>Password</c> show as <c>****</c>.</summary>
    /// <returns>A description for logs and debugging.</returns>
    public override string ToString() =>
        $"CymbioClientOptions {{ Environment = {Environment}, BaseAddress = {EffectiveBaseAddress}, ClientId = {ClientId}, " +
        $"ClientSecret = {Mask(ClientSecret)}, Username = {Username}, Password = {Mask(Password)}, Grant = {EffectiveGrantType}, " +
        $"Grants = [{string.Join(" ", Grants)}], ScopeStrategy = {ScopeStrategy} }}";

    internal static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private static string Mask(string? secret) => string.IsNullOrEmpty(secret) ? "(none)" : "****";
}
