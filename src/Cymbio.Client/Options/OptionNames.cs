using System;
using Microsoft.Extensions.Configuration;

namespace Cymbio;

/// <summary>
/// How validation messages name an option: by the configuration key it was bound from (<c>Cymbio:Grants</c>) when
/// the options came from configuration, by its property (<c>CymbioClientOptions.Grants</c>) when they were set in code.
/// </summary>
internal sealed class OptionNames
{
    private readonly string _root;
    private readonly string _separator;

    private OptionNames(string root, string separator)
    {
        _root = root;
        _separator = separator;
    }

    /// <summary>The conventional section, <c>Cymbio:…</c>: what <see cref="CymbioClientOptionsValidator.Errors(CymbioClientOptions, System.Collections.Generic.IEnumerable{System.Reflection.Assembly})"/> has always used.</summary>
    public static OptionNames Configuration { get; } = new("Cymbio:", ":");

    /// <summary>Options set in code: <c>CymbioClientOptions.ClientId</c>, <c>CymbioClientOptions.Tokens.MaxRetries</c>.</summary>
    public static OptionNames Code { get; } = new(nameof(CymbioClientOptions) + ".", ".");

    /// <summary>The keys of the section the options were bound from (its path, such as <c>Integrations:Cymbio:ClientId</c>).</summary>
    /// <param name="configuration">The section passed to <c>AddCymbio</c>; the root configuration names keys without a prefix.</param>
    public static OptionNames Of(IConfiguration configuration) =>
        configuration is IConfigurationSection { Path.Length: > 0 } section ? new(section.Path + ":", ":") : new(string.Empty, ":");

    /// <summary>The name of an option, such as <c>Grants</c> or (nested) <c>Tokens</c>, <c>MaxRetries</c>.</summary>
    public string Of(string member) => _root + member;

    /// <summary>The name of a nested option.</summary>
    public string Of(string section, string member) => _root + section + _separator + member;
}
