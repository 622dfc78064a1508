using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Cymbio.Analyzers;

public sealed partial class ScopeCallAnalyzer
{
    /// <summary>Judging one scoped call against the grants that serve it: the diagnostic, and the properties the code fix reads.</summary>
    private sealed partial class CompilationState
    {
        public Diagnostic? Judge(CallSite call, Grants? traced)
        {
            var grants = traced ?? EnclosingGrants(call.Operation, call.Owner);
            var method = call.DisplayName;
            if (grants is null)
            {
                return Diagnostic.Create(CallSiteDescriptors.NoGrantSource, call.Location, method, Grants.Quote(call.Required));
            }

            var missing = grants.Missing(call.Required);
            if (missing.IsEmpty)
            {
                return null;
            }

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(CallSiteProperties.Missing, string.Join(" ", missing));
            properties.Add(CallSiteProperties.Required, string.Join(" ", call.Required));
            properties.Add(CallSiteProperties.SourceKind, grants.Kind.ToString());
            if (grants.Manifest is { EditPath: { } path } manifest)
            {
                properties.Add(CallSiteProperties.ManifestPath, path);
                properties.Add(CallSiteProperties.ManifestArrayEnd, manifest.ArrayEnd.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (call.CanPropagate)
            {
                properties.Add(CallSiteProperties.CanPropagate, "true");
            }

            return Diagnostic.Create(
                CallSiteDescriptors.MissingScopes,
                call.Location,
                grants.Location is { } location ? new[] { location } : null,
                properties.ToImmutable(),
                method,
                Grants.Quote(missing),
                grants.Description);
        }
    }

    /// <summary>A scoped call and what judging it needs.</summary>
    private sealed record CallSite(
        IOperation Operation,
        ISymbol Owner,
        IOperation? Receiver,
        ImmutableArray<string> Required,
        string DisplayName,
        Location Location,
        bool CanPropagate);

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
}
