using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cymbio.Generators;

/// <summary>Reading the scope arguments of <c>[CymbioScope]</c> and <c>[CymbioGrants]</c>, bound one by one.</summary>
internal static partial class ScopeSymbols
{
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
            if (TryGetLiteralValues(attribute, out var values))
            {
                // What the compiler bound (the usual case), without the enumerator ScopeArguments needs for the rest.
                foreach (var value in values)
                {
                    result.Add(ScopeReference.Literal((string)value.Value!));
                }

                continue;
            }

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
        if (TryGetLiteralValues(attribute, out var values))
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

    /// <summary>The scope strings of an attribute whose arguments the compiler could bind, every one a string.</summary>
    private static bool TryGetLiteralValues(AttributeData attribute, out ImmutableArray<TypedConstant> values)
    {
        values = ImmutableArray<TypedConstant>.Empty;
        if (attribute.ConstructorArguments.Length != 1)
        {
            return false;
        }

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
            return false;
        }

        foreach (var value in values)
        {
            if (value.Kind != TypedConstantKind.Primitive || value.Value is not string)
            {
                return false;
            }
        }

        return true;
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
}
