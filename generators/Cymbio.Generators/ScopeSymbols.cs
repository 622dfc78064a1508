using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Cymbio.Generators;

/// <summary>Symbol helpers shared by the generator and the declaration analyzer.</summary>
internal static class ScopeSymbols
{
    public const string ScopeAttributeMetadataName = "Cymbio.CymbioScopeAttribute";
    public const string GrantsAttributeMetadataName = "Cymbio.CymbioGrantsAttribute";
    public const string ScopeDefinitionAttributeMetadataName = "Cymbio.CymbioScopeDefinitionAttribute";
    public const string ScopeSetMetadataName = "Cymbio.ScopeSet";

    public static bool IsScopeAttribute(AttributeData attribute) => IsCymbioType(attribute.AttributeClass, "CymbioScopeAttribute");

    public static bool IsScopeDefinitionAttribute(AttributeData attribute) => IsCymbioType(attribute.AttributeClass, "CymbioScopeDefinitionAttribute");

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

    /// <summary>Whether the interface declares scopes itself: on the interface or on one of its own methods.</summary>
    public static bool DeclaresScopes(INamedTypeSymbol type)
    {
        if (HasScopeAttribute(type))
        {
            return true;
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol method && HasScopeAttribute(method))
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

    /// <summary>The scope strings of every <c>[CymbioScope]</c> on <paramref name="symbol"/>, in attribute order.</summary>
    public static List<string> ScopesOf(ISymbol symbol, out bool hasAttribute)
    {
        var result = new List<string>();
        hasAttribute = false;
        foreach (var attribute in symbol.GetAttributes())
        {
            if (!IsScopeAttribute(attribute))
            {
                continue;
            }

            hasAttribute = true;
            foreach (var (scope, _) in ScopeArguments(attribute))
            {
                if (scope is not null)
                {
                    result.Add(scope);
                }
            }
        }

        return result;
    }

    /// <summary>The scope strings of one attribute, each with its argument index (<c>params</c> expanded).</summary>
    public static IEnumerable<(string? Scope, int Index)> ScopeArguments(AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length != 1)
        {
            yield break;
        }

        var argument = attribute.ConstructorArguments[0];
        if (argument.Kind == TypedConstantKind.Array)
        {
            if (argument.IsNull)
            {
                yield break;
            }

            var values = argument.Values;
            for (var i = 0; i < values.Length; i++)
            {
                yield return (values[i].Value as string, i);
            }
        }
        else if (argument.Kind == TypedConstantKind.Primitive)
        {
            yield return (argument.Value as string, 0);
        }
    }

    /// <summary>The Refit HTTP attribute of a method: its verb (upper case, or null for a custom one) and route.</summary>
    public static bool TryGetHttp(IMethodSymbol method, out string? verb, out string? route, out bool isErrorType)
    {
        verb = null;
        route = null;
        isErrorType = false;
        foreach (var attribute in method.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (type is null)
            {
                continue;
            }

            if (type.TypeKind == TypeKind.Error)
            {
                // [Get(...)] without a Refit reference: the compiler reports it; stay quiet.
                isErrorType |= type.Name is "Get" or "Post" or "Put" or "Delete" or "Patch" or "Head" or "Options"
                    or "GetAttribute" or "PostAttribute" or "PutAttribute" or "DeleteAttribute" or "PatchAttribute" or "HeadAttribute" or "OptionsAttribute";
                continue;
            }

            if (!InheritsRefitHttpMethodAttribute(type))
            {
                continue;
            }

            verb = IsRefitType(type) ? type.Name switch
            {
                "GetAttribute" => "GET",
                "PostAttribute" => "POST",
                "PutAttribute" => "PUT",
                "DeleteAttribute" => "DELETE",
                "PatchAttribute" => "PATCH",
                "HeadAttribute" => "HEAD",
                "OptionsAttribute" => "OPTIONS",
                _ => null,
            } : null;
            route = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
            return true;
        }

        return false;
    }

    /// <summary>Whether the method is one Refit implements (abstract, ordinary, instance).</summary>
    public static bool IsCandidateOperation(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Ordinary && method.IsAbstract && !method.IsStatic;

    /// <summary>The scope requirement of a method as seen from the interface <paramref name="target"/>.</summary>
    public static List<string> RequirementOf(IMethodSymbol method, INamedTypeSymbol target)
    {
        var scopes = ScopesOf(method, out var onMethod);
        if (onMethod)
        {
            return scopes;
        }

        scopes = ScopesOf(method.ContainingType.OriginalDefinition, out var onDeclaring);
        if (onDeclaring)
        {
            return scopes;
        }

        return SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, target.OriginalDefinition)
            ? scopes
            : ScopesOf(target, out _);
    }

    /// <summary>Own methods in declaration order, then those of every inherited interface.</summary>
    public static IEnumerable<IMethodSymbol> OperationCandidates(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol method && IsCandidateOperation(method))
            {
                yield return method;
            }
        }

        foreach (var baseInterface in type.AllInterfaces)
        {
            foreach (var member in baseInterface.GetMembers())
            {
                if (member is IMethodSymbol method && IsCandidateOperation(method))
                {
                    yield return method;
                }
            }
        }
    }

    /// <summary>Canonical form: distinct, ordinal order — the same as the runtime's ScopeSet.</summary>
    public static ImmutableArray<string> Canonical(IEnumerable<string> scopes)
    {
        var set = new SortedSet<string>(scopes, StringComparer.Ordinal);
        return ImmutableArray.CreateRange(set);
    }

    private static bool InheritsRefitHttpMethodAttribute(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "HttpMethodAttribute" && IsRefitType(current))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRefitType(INamedTypeSymbol type) =>
        type.ContainingNamespace is { Name: "Refit", ContainingNamespace.IsGlobalNamespace: true };

    private static bool IsCymbioType(INamedTypeSymbol? type, string name) =>
        type is not null && type.Name == name && type.ContainingNamespace is { Name: "Cymbio", ContainingNamespace.IsGlobalNamespace: true };
}
