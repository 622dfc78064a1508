using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace Cymbio.Analyzers.CodeFixes;

/// <summary>
/// The options edit: the <c>CymbioClientOptions</c> creation and its <c>Grants</c> initializer, found through the
/// operation tree by type and property symbol, however they are written (target-typed <c>new()</c>, a field
/// initializer, a local handed to the client).
/// </summary>
public sealed partial class AddMissingScopesCodeFix
{
    private const string OptionsMetadataName = "Cymbio.CymbioClientOptions";

    /// <summary>
    /// The nearest object creation at or around <paramref name="node"/> when it creates <c>CymbioClientOptions</c>;
    /// <see langword="null"/> when it creates anything else (a provider constructed with its grants is not edited).
    /// </summary>
    private static IObjectCreationOperation? OptionsCreation(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        IOperation? operation = null;
        for (var syntax = node; syntax is not null && operation is null; syntax = syntax.Parent)
        {
            operation = model.GetOperation(syntax, cancellationToken);
        }

        for (; operation is not null; operation = operation.Parent)
        {
            if (operation is IObjectCreationOperation creation)
            {
                return SymbolEqualityComparer.Default.Equals(creation.Type, model.Compilation.GetTypeByMetadataName(OptionsMetadataName)) ? creation : null;
            }
        }

        return null;
    }

    /// <summary>Appends to the options' <c>Grants = { … }</c> (found by its property symbol), or adds that initializer.</summary>
    private static BaseObjectCreationExpressionSyntax AddGrants(
        IObjectCreationOperation creation, BaseObjectCreationExpressionSyntax syntax, IEnumerable<string> scopes, Func<string, bool, ExpressionSyntax> write)
    {
        var grantsProperty = creation.Type?.GetMembers("Grants").OfType<IPropertySymbol>().FirstOrDefault();
        foreach (var initializer in creation.Initializer?.Initializers ?? Enumerable.Empty<IOperation>())
        {
            if (initializer is IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation property, Initializer.Syntax: InitializerExpressionSyntax grants }
                && SymbolEqualityComparer.Default.Equals(property.Property.OriginalDefinition, grantsProperty))
            {
                var literal = grants.Expressions.Count > 0 && grants.Expressions.All(static e => e is LiteralExpressionSyntax);
                return syntax.ReplaceNode(grants, Append(grants, scopes.Select(s => write(s, literal))));
            }
        }

        var assignment = SyntaxFactory.AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxFactory.IdentifierName("Grants"),
            SyntaxFactory.InitializerExpression(
                SyntaxKind.CollectionInitializerExpression,
                SyntaxFactory.SeparatedList(scopes.Select(s => write(s, false)))));
        var updated = syntax.Initializer is null
            ? SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(assignment))
            : syntax.Initializer.AddExpressions(assignment);
        return syntax.WithInitializer(updated).WithAdditionalAnnotations(Formatter.Annotation);
    }
}
