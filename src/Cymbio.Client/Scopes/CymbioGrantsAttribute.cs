using System;

namespace Cymbio;

/// <summary>
/// Declares the OAuth scopes that the token provider serving the annotated code grants.
/// </summary>
/// <remarks>
/// On an assembly, type or method: the scopes available to calls made there. On a token-provider type: the scopes that
/// provider grants. The call-site analyzer compares the requirement of every scoped call with the nearest grants, and
/// the runtime checks at start that the configured grants cover the grants the code declares.
/// </remarks>
[AttributeUsage(
    AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Method,
    AllowMultiple = true,
    Inherited = false)]
public sealed class CymbioGrantsAttribute : Attribute
{
    /// <summary>Initializes the attribute with the granted scopes.</summary>
    /// <param name="scopes">The granted scopes, for example <c>read:orders</c>.</param>
    public CymbioGrantsAttribute(params string[] scopes)
    {
        Scopes = scopes ?? Array.Empty<string>();
    }

    /// <summary>Gets the granted scopes, as written in the attribute.</summary>
    public string[] Scopes { get; }
}
