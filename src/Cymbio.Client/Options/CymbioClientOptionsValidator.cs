using System;
using System.Collections.Generic;
using System.Linq;
using System.IO;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace Cymbio;

/// <summary>
/// Validates <see cref="CymbioClientOptions"/> at start, reporting every problem at once: required fields, HTTPS
/// (loopback excepted), known and well-formed grants, and grants that cover every <c>[assembly: CymbioGrants]</c>
/// of the loaded assemblies.
/// </summary>
public sealed class CymbioClientOptionsValidator : IValidateOptions<CymbioClientOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, CymbioClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Errors(options, AppDomain.CurrentDomain.GetAssemblies()).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Every problem of <paramref name="options"/>; the declared grants are read from <paramref name="assemblies"/>.</summary>
    /// <param name="options">The options.</param>
    /// <param name="assemblies">The assemblies whose <c>[assembly: CymbioGrants]</c> and scope definitions count.</param>
    /// <returns>The problems, empty when the options are valid.</returns>
    public static IEnumerable<string> Errors(CymbioClientOptions options, IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(options);
        var assemblyList = assemblies.ToList();
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            yield return "Cymbio:ClientId is required.";
        }

        if (string.IsNullOrEmpty(options.ClientSecret))
        {
            yield return "Cymbio:ClientSecret is required.";
        }

        var hasUser = !string.IsNullOrWhiteSpace(options.Username);
        var hasPassword = !string.IsNullOrEmpty(options.Password);
        if (options.EffectiveGrantType == CymbioGrantType.Password && (!hasUser || !hasPassword))
        {
            yield return "Cymbio:Username and Cymbio:Password are both required for the password grant.";
        }
        else if (options.EffectiveGrantType == CymbioGrantType.ClientCredentials && hasPassword)
        {
            yield return "Cymbio:Password is set but the grant is client_credentials; remove it or use the password grant.";
        }

        if (options.Environment == CymbioEnvironment.Custom && options.BaseAddress is null)
        {
            yield return "Cymbio:BaseAddress is required for the Custom environment.";
        }

        if (options.EffectiveBaseAddress is { } address && SecureTransport.Problem(address, "Cymbio:BaseAddress") is { } insecure)
        {
            yield return insecure;
        }

        if (string.IsNullOrWhiteSpace(options.TokenPath) || Uri.TryCreate(options.TokenPath, UriKind.Absolute, out _))
        {
            yield return "Cymbio:TokenPath must be a path relative to the base address, such as 'oauth/token'.";
        }

        if (options.Grants.Count == 0)
        {
            yield return "Cymbio:Grants must list the scopes the credentials are granted, such as 'read:orders'.";
        }

        var known = KnownScopes(assemblyList);
        foreach (var grant in options.Grants)
        {
            if (!ScopeSet.IsValidScope(grant))
            {
                yield return $"Cymbio:Grants contains '{grant}', which is not an OAuth scope.";
            }
            else if (!known.Contains(grant))
            {
                yield return $"Cymbio:Grants contains '{grant}', which no scope manifest declares.";
            }
        }

        var configured = new HashSet<string>(options.Grants, StringComparer.Ordinal);
        foreach (var (assembly, declared) in DeclaredGrants(assemblyList))
        {
            var missing = declared.Where(scope => !configured.Contains(scope)).ToList();
            if (missing.Count > 0)
            {
                yield return $"Cymbio:Grants lacks {string.Join(" ", missing)}, which {assembly} declares with [assembly: CymbioGrants].";
            }
        }

        var tokens = options.Tokens;
        if (tokens.RefreshAfter - tokens.RefreshJitter < 0.5 || tokens.RefreshAfter + tokens.RefreshJitter >= 1 - tokens.ExpiryMargin)
        {
            yield return "Cymbio:Tokens: RefreshAfter ± RefreshJitter must stay between 0.5 and 1 - ExpiryMargin.";
        }

        if (tokens.DefaultLifetime <= TimeSpan.Zero || tokens.DefaultLifetime > tokens.MaximumLifetime)
        {
            yield return "Cymbio:Tokens:DefaultLifetime must be positive and at most MaximumLifetime.";
        }

        if (tokens.MaxRetries < 0 || tokens.AttemptTimeout <= TimeSpan.Zero || tokens.TotalTimeout < tokens.AttemptTimeout)
        {
            yield return "Cymbio:Tokens: MaxRetries must be 0 or more, AttemptTimeout positive and TotalTimeout at least AttemptTimeout.";
        }
    }

    private static HashSet<string> KnownScopes(List<Assembly> assemblies)
    {
        var known = new HashSet<string>(CymbioScopes.All, StringComparer.Ordinal);
        foreach (var assembly in assemblies)
        {
            foreach (var definition in SafeAttributes<CymbioScopeDefinitionAttribute>(assembly))
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
            var scopes = SafeAttributes<CymbioGrantsAttribute>(assembly).SelectMany(a => a.Scopes).Distinct(StringComparer.Ordinal).ToList();
            if (scopes.Count > 0)
            {
                yield return (assembly.GetName().Name ?? assembly.FullName ?? "an assembly", scopes);
            }
        }
    }

    private static IEnumerable<T> SafeAttributes<T>(Assembly assembly)
        where T : Attribute
    {
        try
        {
            // Dynamic assemblies (proxies, Reflection.Emit) are not code that declares grants.
            return assembly.IsDynamic ? Array.Empty<T>() : assembly.GetCustomAttributes<T>();
        }
        catch (Exception ex) when (ex is TypeLoadException or FileNotFoundException or BadImageFormatException or CustomAttributeFormatException)
        {
            return Array.Empty<T>();
        }
    }
}
