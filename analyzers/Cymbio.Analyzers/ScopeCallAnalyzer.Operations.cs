using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Cymbio.Analyzers;

public sealed partial class ScopeCallAnalyzer
{
    // Operation helpers: what the tracer and the judgement ask of an operation tree (receivers behind conversions and
    // `?.`, constant scope lists, arguments by type or name, where a call's name is).

    private static bool IsOwn(IMemberReferenceOperation member, INamedTypeSymbol? type) =>
        type is not null
        && SymbolEqualityComparer.Default.Equals(member.Member.ContainingType?.OriginalDefinition, type.OriginalDefinition)
        && member.Instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

    private static bool InsideNameOf(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is INameOfOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static bool InsideFunction(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is ILocalFunctionOperation or IAnonymousFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The receiver behind <c>?.</c>, conversions and parentheses.</summary>
    private static IOperation? Receiver(IOperation? receiver)
    {
        if (receiver is IConditionalAccessInstanceOperation)
        {
            for (var parent = receiver.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation access)
                {
                    return Unwrap(access.Operation);
                }
            }
        }

        return Unwrap(receiver);
    }

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } or IConversionOperation { Conversion.IsReference: true } or IParenthesizedOperation)
        {
            operation = operation switch
            {
                IConversionOperation conversion => conversion.Operand,
                IParenthesizedOperation parenthesized => parenthesized.Operand,
                _ => operation,
            };
        }

        return operation;
    }

    /// <summary>The name of the called method: what the editor squiggles.</summary>
    private static Location NameLocation(SyntaxNode syntax)
    {
        var expression = syntax is InvocationExpressionSyntax invocation ? invocation.Expression : syntax;
        var name = expression switch
        {
            MemberAccessExpressionSyntax access => access.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            _ => expression,
        };
        return name is SimpleNameSyntax simple ? simple.Identifier.GetLocation() : name.GetLocation();
    }

    private static List<string>? ConstantElements(IOperation value)
    {
        value = Unwrap(value)!;
        IEnumerable<IOperation>? elements = value switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            IInvocationOperation { TargetMethod.Name: "Create", Arguments.Length: 1 } create => ConstantElementsOrNull(create.Arguments[0].Value),
            _ => null,
        };

        var result = new List<string>();
        if (elements is null)
        {
            // Collection expressions: bound element by element (the operation tree of Roslyn 4.8 does not model them).
            if (value.Syntax is not CollectionExpressionSyntax collection || value.SemanticModel is not { } model)
            {
                return null;
            }

            foreach (var element in collection.Elements)
            {
                if (element is not ExpressionElementSyntax expression || model.GetConstantValue(expression.Expression) is not { HasValue: true, Value: string scope })
                {
                    return null;
                }

                result.Add(scope);
            }

            return result;
        }

        foreach (var element in elements)
        {
            if (Unwrap(element)?.ConstantValue is not { HasValue: true, Value: string scope })
            {
                return null;
            }

            result.Add(scope);
        }

        return result;
    }

    private static IEnumerable<IOperation>? ConstantElementsOrNull(IOperation value) =>
        Unwrap(value) is IArrayCreationOperation { Initializer: { } initializer } ? initializer.ElementValues : null;

    private static IOperation? ArgumentOfType(ImmutableArray<IArgumentOperation> arguments, INamedTypeSymbol? type, string? name = null)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is not { } parameter)
            {
                continue;
            }

            if ((type is not null && CymbioSymbols.Is(parameter.Type, type)) || (name is not null && parameter.Name == name))
            {
                return argument.Value;
            }
        }

        return null;
    }
}
