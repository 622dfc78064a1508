using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace Cymbio;

/// <summary>
/// Reads the assembly-level attributes the runtime learns from at start (<c>[assembly: CymbioGrants]</c>, scope
/// definitions, <c>[assembly: CymbioRequiredScopes]</c>), passing over assemblies that cannot tell.
/// </summary>
internal static class AssemblyAttributes
{
    /// <summary>
    /// The <typeparamref name="T"/> attributes of <paramref name="assembly"/>; none for a dynamic assembly (proxies,
    /// Reflection.Emit: not code that was built with the generator) or one whose attributes cannot be loaded.
    /// </summary>
    public static IEnumerable<T> Of<T>(Assembly assembly)
        where T : Attribute
    {
        try
        {
            return assembly.IsDynamic ? Array.Empty<T>() : assembly.GetCustomAttributes<T>();
        }
        catch (Exception ex) when (ex is TypeLoadException or FileNotFoundException or BadImageFormatException or CustomAttributeFormatException)
        {
            return Array.Empty<T>();
        }
    }
}
