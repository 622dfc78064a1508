using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;

namespace Cymbio.Generators;

/// <summary>Refit operations: the HTTP attribute of a method, and the operations an interface has (inherited ones included).</summary>
internal static partial class ScopeSymbols
{
    /// <summary>The Refit HTTP attribute of a method: its verb (upper case, or null for a custom one) and route.</summary>
    public static bool TryGetHttp(IMethodSymbol method, out string? verb, out string? route, out bool isErrorType) =>
        TryGetHttp(method, out _, out verb, out route, out isErrorType);

    /// <summary>
    /// The Refit HTTP attribute of a method — <c>[Get]</c> and the like, or any other subclass of
    /// <c>Refit.HttpMethodAttribute</c> in any namespace — with its verb (upper case, or null for a custom one) and route.
    /// </summary>
    public static bool TryGetHttp(IMethodSymbol method, [NotNullWhen(true)] out AttributeData? http, out string? verb, out string? route, out bool isErrorType)
    {
        http = null;
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
            http = attribute;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Whether the method is one Refit implements: abstract, instance, and ordinary or an explicit re-abstraction of
    /// a base interface's method (<c>abstract Task&lt;T&gt; IBase.Op();</c>).
    /// </summary>
    public static bool IsCandidateOperation(IMethodSymbol method) =>
        method.IsAbstract && !method.IsStatic
        && (method.MethodKind == MethodKind.Ordinary
            || (method.MethodKind == MethodKind.ExplicitInterfaceImplementation && method.ExplicitInterfaceImplementations.Length > 0));

    /// <summary>The name Refit reports for an operation (<c>Refit.MethodName</c>): an explicit re-abstraction reports the name of the method it re-abstracts.</summary>
    public static string OperationName(IMethodSymbol method) =>
        method.MethodKind == MethodKind.ExplicitInterfaceImplementation && method.ExplicitInterfaceImplementations.Length > 0
            ? method.ExplicitInterfaceImplementations[0].Name
            : method.Name;

    /// <summary>
    /// Own operations in declaration order, then those of every inherited interface; a base method that an interface
    /// of the hierarchy re-abstracts explicitly is replaced by the re-abstraction (Refit implements that one).
    /// </summary>
    public static IEnumerable<IMethodSymbol> OperationCandidates(INamedTypeSymbol type)
    {
        // Most interfaces re-abstract nothing: the set is only made when there is something to put in it.
        HashSet<IMethodSymbol>? reabstracted = null;
        foreach (var member in MembersOf(type))
        {
            if (member is IMethodSymbol { MethodKind: MethodKind.ExplicitInterfaceImplementation, IsAbstract: true } method)
            {
                foreach (var implemented in method.ExplicitInterfaceImplementations)
                {
                    (reabstracted ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default)).Add(implemented.OriginalDefinition);
                }
            }
        }

        var candidates = new List<IMethodSymbol>();
        foreach (var member in MembersOf(type))
        {
            if (member is IMethodSymbol method && IsCandidateOperation(method) && (reabstracted is null || !reabstracted.Contains(method.OriginalDefinition)))
            {
                candidates.Add(method);
            }
        }

        return candidates;
    }

    /// <summary>The operation behind a call of <paramref name="method"/> on <paramref name="target"/>: the re-abstraction of it in the target's hierarchy, if any.</summary>
    public static IMethodSymbol OperationFor(IMethodSymbol method, INamedTypeSymbol target)
    {
        var definition = method.OriginalDefinition;
        foreach (var member in MembersOf(target))
        {
            if (member is IMethodSymbol { MethodKind: MethodKind.ExplicitInterfaceImplementation, IsAbstract: true } candidate)
            {
                foreach (var implemented in candidate.ExplicitInterfaceImplementations)
                {
                    if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, definition))
                    {
                        return candidate;
                    }
                }
            }
        }

        return method;
    }

    private static IEnumerable<ISymbol> MembersOf(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            yield return member;
        }

        foreach (var baseInterface in type.AllInterfaces)
        {
            foreach (var member in baseInterface.GetMembers())
            {
                yield return member;
            }
        }
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
}
