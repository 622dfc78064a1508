using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cymbio.Generators;

/// <summary>
/// A scope named in <c>[CymbioScope]</c>: the scope itself, or — when <see cref="Pending"/> — the name of a constant of
/// the project's generated <c>CymbioScopes</c> class (for example <c>ReadPurchaseOrders</c>).
/// </summary>
internal readonly record struct ScopeReference(string Text, bool Pending);

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

    /// <summary>The scopes of every <c>[CymbioScope]</c> on <paramref name="symbol"/>, in attribute order.</summary>
    public static List<ScopeReference> ScopesOf(ISymbol symbol, out bool hasAttribute)
    {
        var result = new List<ScopeReference>();
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
                if (scope is { } value)
                {
                    result.Add(value);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The scopes of one attribute, each with its argument index (<c>params</c> expanded). An argument whose value the
    /// compiler cannot give yet — a constant of <c>CymbioScopes</c> generated from this project's own manifest, which
    /// a generator never sees — is returned as a pending reference to the constant's name, resolved later against the
    /// manifest.
    /// </summary>
    public static IEnumerable<(ScopeReference? Scope, int Index)> ScopeArguments(AttributeData attribute, CancellationToken cancellationToken = default)
    {
        var values = ImmutableArray<TypedConstant>.Empty;
        var resolved = attribute.ConstructorArguments.Length == 1;
        if (resolved)
        {
            var argument = attribute.ConstructorArguments[0];
            if (argument.Kind == TypedConstantKind.Array)
            {
                values = argument.IsNull ? ImmutableArray<TypedConstant>.Empty : argument.Values;
            }
            else if (argument.Kind == TypedConstantKind.Primitive)
            {
                values = ImmutableArray.Create(argument);
            }
            else
            {
                resolved = false;
            }

            foreach (var value in values)
            {
                resolved &= value.Kind == TypedConstantKind.Primitive && value.Value is string;
            }
        }

        if (resolved)
        {
            for (var i = 0; i < values.Length; i++)
            {
                yield return (new ScopeReference((string)values[i].Value!, false), i);
            }

            yield break;
        }

        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax { ArgumentList: { } list })
        {
            yield break;
        }

        var expressions = new List<ExpressionSyntax>();
        foreach (var argument in list.Arguments)
        {
            if (argument.NameEquals is not null || argument.NameColon is not null)
            {
                continue;
            }

            switch (argument.Expression)
            {
                case ImplicitArrayCreationExpressionSyntax implicitArray:
                    expressions.AddRange(implicitArray.Initializer.Expressions);
                    break;
                case ArrayCreationExpressionSyntax { Initializer: { } initializer }:
                    expressions.AddRange(initializer.Expressions);
                    break;
                default:
                    expressions.Add(argument.Expression);
                    break;
            }
        }

        for (var i = 0; i < expressions.Count; i++)
        {
            var known = i < values.Length && values[i].Kind == TypedConstantKind.Primitive ? values[i].Value as string : null;
            ScopeReference? reference = expressions[i] switch
            {
                LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => new ScopeReference(literal.Token.ValueText, false),
                _ when known is not null => new ScopeReference(known, false),
                MemberAccessExpressionSyntax access => new ScopeReference(access.Name.Identifier.ValueText, true),
                IdentifierNameSyntax identifier => new ScopeReference(identifier.Identifier.ValueText, true),
                _ => null,
            };
            yield return (reference, i);
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
    public static List<ScopeReference> RequirementOf(IMethodSymbol method, INamedTypeSymbol target)
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
