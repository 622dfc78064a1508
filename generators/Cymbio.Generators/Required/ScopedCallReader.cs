using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Cymbio.Generators;

/// <summary>
/// Reads one call site for the project's required scopes: the calls and method groups whose method may be scoped
/// (<see cref="ScopedNames"/>) are resolved — from declarations where that is beyond doubt (<see cref="DeclaredCalls"/>),
/// else by binding them — and judged by the analyzer's rule (<see cref="CallRequirements"/>); a call inside a method
/// with <c>[CymbioScope]</c> adds only what that method's requirement does not cover.
/// </summary>
internal static class ScopedCallReader
{
    /// <summary>Syntax that can call a method: invocations, and member accesses used as a value (method groups).</summary>
    public static bool IsCandidate(SyntaxNode node) =>
        node is InvocationExpressionSyntax
        || node is MemberAccessExpressionSyntax { Parent: ArgumentSyntax or EqualsValueClauseSyntax or AssignmentExpressionSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax };

    /// <summary>The call, or <see langword="null"/> when it requires nothing (or is in generated code, as the analyzers skip it).</summary>
    public static ScopedCall? Read(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var node = context.Node;
        var name = NameOf(node);
        if (name is null || !ScopedNames.For(context.SemanticModel.Compilation).Contains(name) || InsideNameOf(node) || IsGenerated(node.SyntaxTree))
        {
            return null;
        }

        var model = context.SemanticModel;
        if (!DeclaredCalls.TryResolve(model, node, name, out var method, out var receiverType, cancellationToken))
        {
            if (model.GetOperation(node, cancellationToken) is not { } operation || !CallRequirements.TryGetCall(operation, out method, out var receiver))
            {
                return null;
            }

            receiverType = Unwrap(receiver)?.Type;
        }

        var (definition, target) = CallRequirements.Target(method, receiverType);
        var references = CallRequirements.Of(definition, target, model.Compilation);
        if (references.Count == 0)
        {
            return null;
        }

        var enclosing = model.GetEnclosingSymbol(node.SpanStart, cancellationToken);
        var covered = CallRequirements.PropagatedBy(enclosing, model.Compilation, cancellationToken);
        var scopes = new List<string>();
        var pending = new List<string>();
        foreach (var reference in references)
        {
            if (covered.Contains(reference.Text))
            {
                continue;
            }

            if (reference.Kind == ScopeReferenceKind.Literal)
            {
                scopes.Add(reference.Text);
            }
            else if (reference.Kind == ScopeReferenceKind.Pending)
            {
                pending.Add(reference.Text);
            }
        }

        if (scopes.Count == 0 && pending.Count == 0)
        {
            return null;
        }

        var line = node.SyntaxTree.GetLineSpan(node.Span, cancellationToken).StartLinePosition.Line + 1;
        return new ScopedCall(
            EquatableArray<string>.From(ScopeSymbols.Canonical(scopes)),
            EquatableArray<string>.From(ScopeSymbols.Canonical(pending)),
            node.SyntaxTree.FilePath,
            line,
            CallerName(enclosing),
            definition.ContainingType.Name + "." + definition.Name);
    }

    private static string? NameOf(SyntaxNode node)
    {
        var expression = node is InvocationExpressionSyntax invocation ? invocation.Expression : node;
        var name = expression switch
        {
            MemberAccessExpressionSyntax access => access.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };
        return name?.Identifier.ValueText;
    }

    private static bool InsideNameOf(SyntaxNode node)
    {
        for (var parent = node.Parent; parent is not null and not StatementSyntax and not MemberDeclarationSyntax; parent = parent.Parent)
        {
            if (parent is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } })
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } or IConversionOperation { Conversion.IsReference: true } or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }

    /// <summary>The member making the call; lambdas and local functions are shown as the member they are in.</summary>
    private static string CallerName(ISymbol? symbol)
    {
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol switch
        {
            IMethodSymbol { Name: "<Main>$" } => "top-level statements",
            IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet } accessor when accessor.AssociatedSymbol is { } property => property.ContainingType.Name + "." + property.Name,
            { ContainingType: { } type } => type.Name + "." + symbol.Name,
            { } other => other.Name,
            _ => "(unknown)",
        };
    }

    /// <summary>Generated code, by the compiler's rule for analyzers: the file name (<c>.g.cs</c>, <c>.designer.cs</c>, …) or an <c>&lt;auto-generated&gt;</c> comment at the top.</summary>
    private static bool IsGenerated(SyntaxTree tree)
    {
        var file = Path.GetFileName(tree.FilePath);
        if (file.StartsWith("TemporaryGeneratedFile_", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var stem = Path.GetFileNameWithoutExtension(file);
        if (stem.EndsWith(".designer", StringComparison.OrdinalIgnoreCase) || stem.EndsWith(".generated", StringComparison.OrdinalIgnoreCase)
            || stem.EndsWith(".g", StringComparison.OrdinalIgnoreCase) || stem.EndsWith(".g.i", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var trivia in tree.GetRoot().GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                var text = trivia.ToString();
                if (text.IndexOf("<auto-generated", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("<autogenerated", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
