using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Cymbio.Demo;

/// <summary>
/// The credentials of a staging run, from the <c>Cymbio</c> configuration section. <see cref="ToString"/> leaves the
/// secret and the password out; nothing in the demo prints them.
/// </summary>
internal sealed class DemoCredentials
{
    /// <summary>The configuration section: environment variables <c>CYMBIO__…</c>, user secrets <c>Cymbio:…</c>.</summary>
    public const string Section = "Cymbio";

    private DemoCredentials(string clientId, string clientSecret, long supplierId, string? username, string? password)
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
        SupplierId = supplierId;
        Username = username;
        Password = password;
    }

    /// <summary>Gets the OAuth client id.</summary>
    public string ClientId { get; }

    /// <summary>Gets the OAuth client secret.</summary>
    public string ClientSecret { get; }

    /// <summary>Gets the supplier the calls act for.</summary>
    public long SupplierId { get; }

    /// <summary>Gets the user of the password grant, or <see langword="null"/> for client credentials.</summary>
    public string? Username { get; }

    /// <summary>Gets the password of the password grant.</summary>
    public string? Password { get; }

    /// <summary>Reads the credentials, or says which settings are missing or malformed (by name, never by value).</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="problems">What is missing or malformed; empty when the credentials are complete.</param>
    /// <returns>The credentials, or <see langword="null"/> when <paramref name="problems"/> is not empty.</returns>
    public static DemoCredentials? Read(IConfiguration configuration, out IReadOnlyList<string> problems)
    {
        var section = configuration.GetSection(Section);
        var list = new List<string>();
        var clientId = Required(section, "ClientId", list);
        var clientSecret = Required(section, "ClientSecret", list);
        var supplierText = Required(section, "SupplierId", list);
        long supplierId = 0;
        if (supplierText is not null && (!long.TryParse(supplierText, NumberStyles.None, CultureInfo.InvariantCulture, out supplierId) || supplierId <= 0))
        {
            list.Add($"{Name("SupplierId")} is not a supplier id (a positive whole number)");
        }

        var username = Optional(section, "Username");
        var password = Optional(section, "Password");
        if (username is not null && password is null)
        {
            list.Add($"{Name("Password")} (the password grant needs it with {Variable("Username")})");
        }
        else if (username is null && password is not null)
        {
            list.Add($"{Name("Username")} (the password grant needs it with {Variable("Password")})");
        }

        problems = list;
        return list.Count == 0 ? new DemoCredentials(clientId!, clientSecret!, supplierId, username, password) : null;
    }

    /// <summary>The client id, the grant and the supplier; never the secret or the password.</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString() =>
        $"client {ClientId}, {(Username is null ? "client_credentials" : $"password grant as {Username}")}, supplier {SupplierId}";

    /// <summary>The environment variable of a setting, for example <c>CYMBIO__CLIENTID</c>.</summary>
    /// <param name="key">The key in the section, for example <c>ClientId</c>.</param>
    /// <returns>The variable's name.</returns>
    public static string Variable(string key) => $"{Section.ToUpperInvariant()}__{key.ToUpperInvariant()}";

    private static string Name(string key) => $"{Variable(key)} (user secret {Section}:{key})";

    private static string? Required(IConfigurationSection section, string key, List<string> problems)
    {
        var value = Optional(section, key);
        if (value is null)
        {
            problems.Add(Name(key));
        }

        return value;
    }

    private static string? Optional(IConfigurationSection section, string key) =>
        section[key] is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
