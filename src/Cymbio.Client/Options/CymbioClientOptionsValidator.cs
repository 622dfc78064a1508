using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Cymbio.Generators;
using Microsoft.Extensions.Options;

namespace Cymbio;

/// <summary>
/// Validates <see cref="CymbioClientOptions"/> at start, reporting every problem at once: required fields, HTTPS
/// (loopback excepted), known and well-formed grants (with a "did you mean" for a misspelt one), grants that cover
/// every <c>[assembly: CymbioGrants]</c> of the loaded assemblies and, under <see cref="CymbioScopeStrategy.Required"/>,
/// a derived set of required scopes (<see cref="CymbioRequiredScopesAttribute"/>) that the grants cover.
/// </summary>
/// <remarks>
/// Each problem is one clause without a final period, since <see cref="OptionsValidationException.Message"/> joins
/// them with <c>"; "</c>. Options bound from configuration are named by their keys (<c>Cymbio:ClientId</c>, or the
/// path of the section given to <c>AddCymbio</c>); options set in code by their properties
/// (<c>CymbioClientOptions.ClientId</c>).
/// </remarks>
public sealed class CymbioClientOptionsValidator : IValidateOptions<CymbioClientOptions>
{
    private readonly OptionNames _names;
    private readonly RequiredScopes? _required;

    /// <summary>Initializes a validator that names options by their keys in the <c>Cymbio</c> configuration section.</summary>
    public CymbioClientOptionsValidator()
        : this(OptionNames.Configuration)
    {
    }

    /// <summary>Initializes a validator naming options with <paramref name="names"/>.</summary>
    /// <param name="names">How the messages name the options.</param>
    /// <param name="required">The application client's derived scopes; read from the loaded assemblies when <see langword="null"/>.</param>
    internal CymbioClientOptionsValidator(OptionNames names, RequiredScopes? required = null)
    {
        _names = names;
        _required = required;
    }

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, CymbioClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Errors(options, AppDomain.CurrentDomain.GetAssemblies(), _names, compareDeclaredGrants: true, _required).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Every problem of <paramref name="options"/>, named by their keys in the <c>Cymbio</c> configuration section; the declared grants and required scopes are read from <paramref name="assemblies"/>.</summary>
    /// <param name="options">The options.</param>
    /// <param name="assemblies">The assemblies whose <c>[assembly: CymbioGrants]</c>, <c>[assembly: CymbioRequiredScopes]</c> and scope definitions count.</param>
    /// <returns>The problems, empty when the options are valid.</returns>
    public static IEnumerable<string> Errors(CymbioClientOptions options, IEnumerable<Assembly> assemblies) =>
        Errors(options, assemblies, OptionNames.Configuration, compareDeclaredGrants: true);

    /// <summary>Every problem of <paramref name="options"/>.</summary>
    /// <param name="options">The options.</param>
    /// <param name="assemblies">The assemblies whose scope definitions (and, with <paramref name="compareDeclaredGrants"/>, <c>[assembly: CymbioGrants]</c>) count.</param>
    /// <param name="names">How the messages name the options.</param>
    /// <param name="compareDeclaredGrants">
    /// Whether the grants must cover every <c>[assembly: CymbioGrants]</c> and, under
    /// <see cref="CymbioScopeStrategy.Required"/>, the scopes the code requires: for the application's client (the one
    /// <c>AddCymbio</c> registers), not for a <see cref="CymbioClient"/> built directly, whose calls the analyzer checks
    /// against that client's own grants (its tokens carry the required scopes it is granted).
    /// </param>
    /// <param name="required">The derived scopes; read from <paramref name="assemblies"/> when <see langword="null"/>.</param>
    internal static IEnumerable<string> Errors(
        CymbioClientOptions options, IEnumerable<Assembly> assemblies, OptionNames names, bool compareDeclaredGrants, RequiredScopes? required = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(assemblies);
        var assemblyList = assemblies.ToList();
        return Problems(options, assemblyList, names, compareDeclaredGrants, required ?? RequiredScopes.Of(assemblyList));
    }

    private static IEnumerable<string> Problems(CymbioClientOptions options, List<Assembly> assemblyList, OptionNames names, bool compareDeclaredGrants, RequiredScopes required)
    {
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            yield return $"{names.Of("ClientId")} is required";
        }

        if (string.IsNullOrEmpty(options.ClientSecret))
        {
            yield return $"{names.Of("ClientSecret")} is required";
        }

        var hasUser = !string.IsNullOrWhiteSpace(options.Username);
        var hasPassword = !string.IsNullOrEmpty(options.Password);
        if (options.EffectiveGrantType == CymbioGrantType.Password && (!hasUser || !hasPassword))
        {
            yield return $"{names.Of("Username")} and {names.Of("Password")} are both required for the password grant";
        }
        else if (options.EffectiveGrantType == CymbioGrantType.ClientCredentials && hasPassword)
        {
            yield return $"{names.Of("Password")} is set but the grant is client_credentials: remove it or use the password grant";
        }

        if (options.Environment == CymbioEnvironment.Custom && options.BaseAddress is null)
        {
            yield return $"{names.Of("BaseAddress")} is required for the Custom environment";
        }

        if (options.EffectiveBaseAddress is { } address && SecureTransport.Problem(address, names.Of("BaseAddress")) is { } insecure)
        {
            yield return insecure.TrimEnd('.');
        }

        if (string.IsNullOrWhiteSpace(options.TokenPath) || Uri.TryCreate(options.TokenPath, UriKind.Absolute, out _))
        {
            yield return $"{names.Of("TokenPath")} must be a path relative to the base address, such as 'oauth/token'";
        }

        if (options.Grants.Count == 0)
        {
            yield return $"{names.Of("Grants")} must list the scopes the credentials are granted, such as 'read:orders'";
        }

        var known = KnownScopes(assemblyList);
        foreach (var grant in options.Grants)
        {
            var shown = ServerText.Printable(grant, 128);
            if (!ScopeSet.IsValidScope(grant))
            {
                yield return $"{names.Of("Grants")} contains '{shown}', which is not an OAuth scope{DidYouMean(grant, known)}";
            }
            else if (!known.Contains(grant))
            {
                yield return $"{names.Of("Grants")} contains '{shown}', which no scope manifest declares{DidYouMean(grant, known)}";
            }
        }

        if (compareDeclaredGrants)
        {
            var configured = new HashSet<string>(options.Grants, StringComparer.Ordinal);
            foreach (var (assembly, declared) in DeclaredGrants(assemblyList))
            {
                var missing = declared.Where(scope => !configured.Contains(scope)).ToList();
                if (missing.Count > 0)
                {
                    yield return $"{names.Of("Grants")} lacks {string.Join(" ", missing)}, which {assembly} declares with [assembly: CymbioGrants]";
                }
            }
        }

        if (options.ScopeStrategy == CymbioScopeStrategy.Required)
        {
            if (!required.IsKnown)
            {
                yield return RequiredScopes.UnknownProblem(names.Of("ScopeStrategy"));
            }
            else if (compareDeclaredGrants && required.Uncovered(RequiredScopes.Grants(options)) is { IsEmpty: false } lacking)
            {
                yield return $"{names.Of("Grants")} lacks {lacking}, which the code requires (CymbioRequiredScopes)";
            }
        }

        var tokens = options.Tokens;
        if (tokens.RefreshAfter - tokens.RefreshJitter < 0.5 || tokens.RefreshAfter + tokens.RefreshJitter >= 1 - tokens.ExpiryMargin)
        {
            yield return $"{names.Of("Tokens", "RefreshAfter")} ± RefreshJitter must stay between 0.5 and 1 - ExpiryMargin";
        }

        if (tokens.DefaultLifetime <= TimeSpan.Zero || tokens.DefaultLifetime > tokens.MaximumLifetime)
        {
            yield return $"{names.Of("Tokens", "DefaultLifetime")} must be positive and at most MaximumLifetime";
        }

        if (tokens.MaxRetries < 0 || tokens.AttemptTimeout <= TimeSpan.Zero || tokens.TotalTimeout < tokens.AttemptTimeout)
        {
            yield return $"{names.Of("Tokens", "MaxRetries")} must be 0 or more, AttemptTimeout positive and TotalTimeout at least AttemptTimeout";
        }
    }

    /// <summary>" (did you mean 'read:orders'?)" for a grant one or two edits from a known scope, else nothing.</summary>
    private static string DidYouMean(string grant, HashSet<string> known) =>
        ScopeSuggestion.Suggest(grant, known) is { } suggestion ? $" (did you mean '{suggestion}'?)" : string.Empty;

    private static HashSet<string> KnownScopes(List<Assembly> assemblies)
    {
        var known = new HashSet<string>(CymbioScopes.All, StringComparer.Ordinal);
        foreach (var assembly in assemblies)
        {
            foreach (var definition in AssemblyAttributes.Of<CymbioScopeDefinitionAttribute>(assembly))
            {
                known.Add(definition.Name);
            }
        }

        return known;
    }

    private static IEnumerable<(string Assembly, IReadOnlyCollection<string> Scopes)> DeclaredGrants(List<Assembly> assemblies)
    {
        foreach (var assembly in assemblies)
        {
            var scopes = AssemblyAttributes.Of<CymbioGrantsAttribute>(assembly).SelectMany(a => a.Scopes).Distinct(StringComparer.Ordinal).ToList();
            if (scopes.Count > 0)
            {
                yield return (assembly.GetName().Name ?? assembly.FullName ?? "an assembly", scopes);
            }
        }
    }
}
