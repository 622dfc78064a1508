using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Cymbio.Generators;

/// <summary>Symbol helpers shared by the generator and the analyzers: which attributes and types are Cymbio's, and where scopes are declared.</summary>
internal static partial class ScopeSymbols
{
    public const string ScopeAttributeMetadataName = "Cymbio.CymbioScopeAttribute";
    public const string NoScopeAttributeMetadataName = "Cymbio.CymbioNoScopeAttribute";
    public const string GrantsAttributeMetadataName = "Cymbio.CymbioGrantsAttribute";
    public const string ScopeDefinitionAttributeMetadataName = "Cymbio.CymbioScopeDefinitionAttribute";
    public const string ScopeSetMetadataName = "Cymbio.ScopeSet";

    public static bool IsScopeAttribute(AttributeData attribute) => IsCymbioType(attribute.AttributeClass, "CymbioScopeAttribute");

    public static bool IsNoScopeAttribute(AttributeData attribute) => IsCymbioType(attribute.AttributeClass, "CymbioNoScopeAttribute");

    public static bool IsGrantsAttribute(AttributeData attribute) => IsCymbioType(attribute.AttributeClass, "CymbioGrantsAttribute");

    public static bool IsScopeDefinitionAttribute(AttributeData attribute) => IsCymbioType(attribute.AttributeClass, "CymbioScopeDefinitionAttribute");

    public static bool IsRequiredScopesAttribute(AttributeData attribute) => IsCymbioType(attribute.AttributeClass, "CymbioRequiredScopesAttribute");

    /// <summary>
    /// The scopes of an <c>[assembly: CymbioRequiredScopes]</c>, canonical, only well-formed ones; <see langword="null"/>
    /// for any other attribute.
    /// </summary>
    public static ImmutableArray<string>? RequiredScopesOf(AttributeData attribute) =>
        IsRequiredScopesAttribute(attribute) && attribute.ConstructorArguments.Length == 1
            ? Canonical(attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array
                ? attribute.ConstructorArguments[0].Values.Select(static v => v.Value as string).Where(ScopeNames.IsScopeToken).Select(static s => s!)
                : Enumerable.Empty<string>())
            : null;

    /// <summary>
    /// The scopes referenced assemblies declare through <c>[assembly: CymbioScopeDefinition(name, description)]</c>: the
    /// one reader the generator and every analyzer use, with one rule — the name must be a valid scope name
    /// (<see cref="ScopeNames.IsValid"/>), or the definition is ignored; the description may be missing.
    /// </summary>
    public static EquatableArray<ReferencedScope> ReferencedScopes(Compilation compilation)
    {
        var scopes = new List<ReferencedScope>();
        foreach (var attribute in ReferencedScopeDefinitions(compilation))
        {
            if (attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Value is string name
                && ScopeNames.IsValid(name))
            {
                var description = attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArguments[1].Value as string : null;
                scopes.Add(new ReferencedScope(name, description ?? string.Empty));
            }
        }

        return EquatableArray<ReferencedScope>.From(scopes);
    }

    /// <summary>
    /// The <c>[assembly: CymbioScopeDefinition]</c> attributes of the referenced assemblies. Only an assembly that is the
    /// attribute's own or references it by name can carry one, so the others' attributes are not decoded: a project
    /// references hundreds of assemblies, and decoding all their attributes on every compilation was measurable.
    /// Without a resolvable attribute type (none, or several), every referenced assembly is read.
    /// </summary>
    private static IEnumerable<AttributeData> ReferencedScopeDefinitions(Compilation compilation)
    {
        var definingAssembly = compilation.GetTypeByMetadataName(ScopeDefinitionAttributeMetadataName)?.ContainingAssembly.Name;
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (definingAssembly is not null && !References(assembly, definingAssembly))
            {
                continue;
            }

            foreach (var attribute in assembly.GetAttributes())
            {
                if (IsScopeDefinitionAttribute(attribute))
                {
                    yield return attribute;
                }
            }
        }
    }

    /// <summary>Whether <paramref name="assembly"/> is the assembly named <paramref name="name"/> or references it.</summary>
    public static bool References(IAssemblySymbol assembly, string name)
    {
        if (string.Equals(assembly.Name, name, StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var module in assembly.Modules)
        {
            foreach (var reference in module.ReferencedAssemblies)
            {
                if (string.Equals(reference.Name, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static bool HasScopeAttribute(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (IsScopeAttribute(attribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the symbol carries <c>[CymbioScope]</c> or <c>[CymbioNoScope]</c>: it declares a requirement, maybe none.</summary>
    public static bool HasRequirementAttribute(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (IsScopeAttribute(attribute) || IsNoScopeAttribute(attribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the interface declares requirements itself: <c>[CymbioScope]</c> or <c>[CymbioNoScope]</c> on the
    /// interface or on one of its own methods.
    /// </summary>
    public static bool DeclaresScopes(INamedTypeSymbol type)
    {
        if (HasRequirementAttribute(type))
        {
            return true;
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol method && HasRequirementAttribute(method))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the interface inherits an interface that declares scopes.</summary>
    public static bool InheritsScopes(INamedTypeSymbol type)
    {
        foreach (var baseInterface in type.AllInterfaces)
        {
            if (DeclaresScopes(baseInterface.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCymbioType(INamedTypeSymbol? type, string name) =>
        type is not null && type.Name == name && type.ContainingNamespace is { Name: "Cymbio", ContainingNamespace.IsGlobalNamespace: true };
}
