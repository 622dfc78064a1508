// Over the ~400-line guideline: splitting this file by concern is issue 9 (refactor), next after issue 8; left whole until then.
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cymbio.Generators;

/// <summary>How a scope argument of <c>[CymbioScope]</c> was read.</summary>
internal enum ScopeReferenceKind
{
    /// <summary>A scope string known at generation time.</summary>
    Literal,

    /// <summary>A string constant whose value the compiler cannot give yet; <c>Text</c> is a fully qualified reference to it.</summary>
    Constant,

    /// <summary>An unbound name, probably a constant of the project's own generated <c>CymbioScopes</c>; resolved against the manifest.</summary>
    Pending,

    /// <summary>Nothing the generator can turn into a scope; <c>Text</c> says why.</summary>
    Unresolvable,
}

/// <summary>A scope argument of <c>[CymbioScope]</c> (see <see cref="ScopeReferenceKind"/>).</summary>
/// <param name="Kind">How it was read.</param>
/// <param name="Text">The scope, the constant reference, the pending constant name, or the reason it is unresolvable.</param>
/// <param name="QualifiedByCymbioScopes">For a pending name: written as <c>….CymbioScopes.Name</c>, so an unknown name is a compiler error.</param>
/// <param name="Expression">The argument as written, for messages.</param>
internal readonly record struct ScopeReference(ScopeReferenceKind Kind, string Text, bool QualifiedByCymbioScopes = false, string Expression = "")
{
    public static ScopeReference Literal(string scope) => new(ScopeReferenceKind.Literal, scope, Expression: scope);
}

/// <summary>Symbol helpers shared by the generator and the declaration analyzer.</summary>
internal static class ScopeSymbols
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

    /// <summary>
    /// The <c>[assembly: CymbioScopeDefinition]</c> attributes of the referenced assemblies. Only an assembly that is the
    /// attribute's own or references it by name can carry one, so the others' attributes are not decoded: a project
    /// references hundreds of assemblies, and decoding all their attributes on every compilation was measurable.
    /// Without a resolvable attribute type (none, or several), every referenced assembly is read.
    /// </summary>
    public static IEnumerable<AttributeData> ReferencedScopeDefinitions(Compilation compilation)
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

    private static bool References(IAssemblySymbol assembly, string name)
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

    /// <summary>The scopes of every <c>[CymbioScope]</c> on <paramref name="symbol"/>, in attribute order.</summary>
    public static List<ScopeReference> ScopesOf(ISymbol symbol, Compilation? compilation, out bool hasAttribute, CancellationToken cancellationToken = default)
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
            foreach (var (scope, _) in ScopeArguments(attribute, compilation, cancellationToken))
            {
                result.Add(scope);
            }
        }

        return result;
    }

    /// <summary>
    /// The scopes of one attribute, each with its argument index (<c>params</c> expanded).
    /// </summary>
    /// <remarks>
    /// When the compiler could bind every argument, each is a <see cref="ScopeReferenceKind.Literal"/>. It cannot when
    /// an argument names a constant of the <c>CymbioScopes</c> class generated from this project's own manifest —
    /// generators never see generated code — and then it drops all the arguments. Each argument is then bound on its
    /// own (with <paramref name="compilation"/>, when given): a constant with a value is a literal, a constant whose
    /// value depends on generated code is referenced by its full name, an unbound name is pending (resolved against
    /// the manifest), anything else is unresolvable. The analyzer passes no compilation (RS1030) and only ever sees
    /// the final compilation, where everything that compiles binds.
    /// </remarks>
    public static IEnumerable<(ScopeReference Scope, int Index)> ScopeArguments(AttributeData attribute, Compilation? compilation = null, CancellationToken cancellationToken = default)
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
                yield return (ScopeReference.Literal((string)values[i].Value!), i);
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
            if (argument.NameEquals is not null)
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
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NullLiteralExpression):
                    break;
                default:
                    expressions.Add(argument.Expression);
                    break;
            }
        }

        var model = compilation is not null && compilation.ContainsSyntaxTree(list.SyntaxTree) ? compilation.GetSemanticModel(list.SyntaxTree) : null;
        for (var i = 0; i < expressions.Count; i++)
        {
            yield return (Bind(expressions[i], model, cancellationToken), i);
        }
    }

    private static ScopeReference Bind(ExpressionSyntax expression, SemanticModel? model, CancellationToken cancellationToken)
    {
        var written = expression.ToString();
        if (expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return ScopeReference.Literal(literal.Token.ValueText);
        }

        if (model is not null)
        {
            var constant = model.GetConstantValue(expression, cancellationToken);
            if (constant.HasValue && constant.Value is string value)
            {
                return ScopeReference.Literal(value);
            }

            var symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;
            if (symbol is IFieldSymbol { IsConst: true, Type.SpecialType: SpecialType.System_String } field)
            {
                return IsReachableFromGeneratedCode(field)
                    ? new ScopeReference(ScopeReferenceKind.Constant, field.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + field.Name, Expression: written)
                    : new ScopeReference(ScopeReferenceKind.Unresolvable, $"the constant '{written}' cannot be referenced from generated code; make it internal or public, outside generic types", Expression: written);
            }

            if (symbol is not null)
            {
                return new ScopeReference(ScopeReferenceKind.Unresolvable, $"'{written}' is not a string constant", Expression: written);
            }
        }

        return expression switch
        {
            MemberAccessExpressionSyntax access => new ScopeReference(
                ScopeReferenceKind.Pending,
                access.Name.Identifier.ValueText,
                RightmostName(access.Expression) == "CymbioScopes",
                written),
            IdentifierNameSyntax identifier => new ScopeReference(ScopeReferenceKind.Pending, identifier.Identifier.ValueText, false, written),
            _ => new ScopeReference(ScopeReferenceKind.Unresolvable, $"'{written}' is not a scope string or a string constant", Expression: written),
        };
    }

    private static string? RightmostName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    private static bool IsReachableFromGeneratedCode(IFieldSymbol field)
    {
        if (field.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
        {
            return false;
        }

        for (var type = field.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.IsGenericType || type.IsFileLocal || type.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

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
        var reabstracted = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var member in MembersOf(type))
        {
            if (member is IMethodSymbol { MethodKind: MethodKind.ExplicitInterfaceImplementation, IsAbstract: true } method)
            {
                foreach (var implemented in method.ExplicitInterfaceImplementations)
                {
                    reabstracted.Add(implemented.OriginalDefinition);
                }
            }
        }

        foreach (var member in MembersOf(type))
        {
            if (member is IMethodSymbol method && IsCandidateOperation(method) && !reabstracted.Contains(method.OriginalDefinition))
            {
                yield return method;
            }
        }
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

    /// <summary>The location of the <paramref name="index"/>-th scope of an attribute (<c>params</c> or array elements counted one by one).</summary>
    public static Location ArgumentLocation(AttributeData attribute, int index, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return Location.None;
        }

        var arguments = syntax.ArgumentList?.Arguments ?? default;
        if (arguments.Count == 1 && ElementsOf(arguments[0].Expression) is { } elements)
        {
            return index < elements.Count ? elements[index].GetLocation() : syntax.GetLocation();
        }

        return index < arguments.Count ? arguments[index].Expression.GetLocation() : syntax.GetLocation();
    }

    private static SeparatedSyntaxList<ExpressionSyntax>? ElementsOf(ExpressionSyntax expression) => expression switch
    {
        ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
        ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
        _ => null,
    };

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
