using System;
using System.ComponentModel;

namespace Cymbio;

/// <summary>
/// Records, in an assembly's metadata, a scope declared by the <c>scopes.json</c> manifest the assembly was built
/// with. Emitted by the Cymbio.Generated source generator so that referencing compilations know the scope without a
/// copy of the manifest; not meant to be written by hand.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CymbioScopeDefinitionAttribute : Attribute
{
    /// <summary>Initializes the attribute.</summary>
    /// <param name="name">The scope, for example <c>read:orders</c>.</param>
    /// <param name="description">What the scope allows, as the manifest describes it.</param>
    public CymbioScopeDefinitionAttribute(string name, string description)
    {
        Name = name;
        Description = description;
    }

    /// <summary>Gets the scope.</summary>
    public string Name { get; }

    /// <summary>Gets what the scope allows, as the manifest describes it.</summary>
    public string Description { get; }
}
