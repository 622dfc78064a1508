using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Cymbio.Generators;

/// <summary>
/// What a call requires: the rule the call-site analyzer judges calls by and the generator derives the project's
/// required scopes with, so that the two never disagree about a call.
/// </summary>
internal static class CallRequirements
{
    /// <summary>
    /// The method an invocation or method reference calls, and its receiver (for an extension method called as one,
    /// its first argument); <see langword="false"/> for any other operation.
    /// </summary>
    public static bool TryGetCall(IOperation operation, out IMethodSymbol method, out IOperation? receiver)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                method = invocation.TargetMethod;
                receiver = method.IsExtensionMethod && invocation.Instance is null && invocation.Arguments.Length > 0
                    ? invocation.Arguments[0].Value
                    : invocation.Instance;
                return true;
            case IMethodReferenceOperation reference:
                method = reference.Method;
                receiver = reference.Instance;
                return true;
            default:
                method = null!;
                receiver = null;
                return false;
        }
    }

    /// <summary>
    /// The method a call binds to (its definition, extension calls unreduced) and what the requirement is read for: the
    /// receiver's interface when an interface operation is called through a derived interface (its defaults apply), else
    /// the method's own type.
    /// </summary>
    public static (IMethodSymbol Method, ISymbol Target) Target(IMethodSymbol method, ITypeSymbol? receiverType)
    {
        method = (method.ReducedFrom ?? method).OriginalDefinition;
        var declaring = method.ContainingType;
        ISymbol target = declaring;
        if (declaring.TypeKind == TypeKind.Interface
            && receiverType is INamedTypeSymbol { TypeKind: TypeKind.Interface } receiver
            && !SymbolEqualityComparer.Default.Equals(receiver.OriginalDefinition, declaring))
        {
            target = receiver.OriginalDefinition;
        }

        return (method, target);
    }

    /// <summary>
    /// The scopes a call of <paramref name="method"/> on <paramref name="target"/> (from <see cref="Target"/>) requires:
    /// a Refit operation's requirement by the inheritance rule (<see cref="Requirements"/>), any other method's own
    /// <c>[CymbioScope]</c> (a requirement it passes on to its callers). Empty when nothing is required.
    /// </summary>
    public static List<ScopeReference> Of(IMethodSymbol method, ISymbol target, Compilation? compilation = null)
    {
        if (method.ContainingType.TypeKind == TypeKind.Interface && ScopeSymbols.IsCandidateOperation(method))
        {
            var type = (INamedTypeSymbol)target;
            return Requirements.Of(ScopeSymbols.OperationFor(method, type), type, compilation).Scopes;
        }

        return ScopeSymbols.ScopesOf(method, compilation, out _);
    }

    /// <summary>
    /// What the nearest <c>[CymbioScope]</c> method around a call (from <paramref name="symbol"/>, the code making it,
    /// outwards) requires from its callers, as the analyzer's grant source 2 finds it: a call there adds only the scopes
    /// this does not cover to the project's requirement, the rest being counted where that method is called. Empty when
    /// a <c>[CymbioGrants]</c> is nearer or there is none.
    /// </summary>
    public static HashSet<string> PropagatedBy(ISymbol? symbol, Compilation? compilation, CancellationToken cancellationToken)
    {
        for (; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            var grants = false;
            foreach (var attribute in symbol.GetAttributes())
            {
                grants |= ScopeSymbols.IsGrantsAttribute(attribute);
            }

            if (grants)
            {
                break;
            }

            if (symbol is IMethodSymbol && ScopeSymbols.HasScopeAttribute(symbol))
            {
                return new HashSet<string>(ScopeSymbols.ScopesOf(symbol, compilation, out _, cancellationToken).Select(static r => r.Text), StringComparer.Ordinal);
            }
        }

        return new HashSet<string>(StringComparer.Ordinal);
    }
}
