using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Cymbio.Analyzers.CodeFixes;

/// <summary>
/// How a code fix writes a scope into C#: as a constant of a <c>CymbioScopes</c> class — the project's own, which the
/// generator emits from its <c>scopes.json</c> (its scopes and every referenced one), or the SDK's
/// <c>Cymbio.CymbioScopes</c> — where one holds the scope and is accessible at the edit; else as a string literal.
/// </summary>
internal sealed class ScopeConstants
{
    private const string ClassName = "CymbioScopes";

    private readonly SemanticModel _model;
    private readonly List<(INamedTypeSymbol Type, Dictionary<string, IFieldSymbol> Fields)> _classes = new();

    private ScopeConstants(SemanticModel model, IEnumerable<INamedTypeSymbol> classes)
    {
        _model = model;
        foreach (var type in classes)
        {
            var fields = new Dictionary<string, IFieldSymbol>(StringComparer.Ordinal);
            foreach (var member in type.GetMembers())
            {
                if (member is IFieldSymbol { IsConst: true, ConstantValue: string value } field && !fields.ContainsKey(value))
                {
                    fields.Add(value, field);
                }
            }

            _classes.Add((type, fields));
        }
    }

    /// <summary>
    /// The classes of <paramref name="model"/>'s compilation: the project's own <c>CymbioScopes</c> (generated source
    /// included) first, by full name, then the SDK's.
    /// </summary>
    public static ScopeConstants Of(SemanticModel model, CancellationToken cancellationToken)
    {
        var compilation = model.Compilation;
        var classes = compilation.GetSymbolsWithName(ClassName, SymbolFilter.Type, cancellationToken)
            .OfType<INamedTypeSymbol>()
            .Where(static t => t.IsStatic && t.ContainingType is null)
            .OrderBy(static t => t.ToDisplayString(), StringComparer.Ordinal)
            .ToList();
        if (compilation.GetTypeByMetadataName("Cymbio." + ClassName) is { } sdk && !classes.Contains(sdk, SymbolEqualityComparer.Default))
        {
            classes.Add(sdk);
        }

        return new ScopeConstants(model, classes);
    }

    /// <summary>
    /// <paramref name="scope"/> as written at <paramref name="position"/>: a string literal when <paramref name="literal"/>
    /// (the edited list is all literals) or no accessible constant holds it; otherwise the constant of the class that
    /// <c>CymbioScopes</c> names there if it holds the scope, else of the first class that does, fully qualified and
    /// left to the simplifier.
    /// </summary>
    public ExpressionSyntax Expression(string scope, int position, bool literal)
    {
        if (!literal && Constant(scope, position) is { } field)
        {
            var name = field.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + field.Name;
            return SyntaxFactory.ParseExpression(name).WithAdditionalAnnotations(Simplifier.Annotation);
        }

        return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(scope));
    }

    private IFieldSymbol? Constant(string scope, int position)
    {
        IFieldSymbol? first = null;
        ISymbol? named = null;
        var looked = false;
        foreach (var (type, fields) in _classes)
        {
            if (!fields.TryGetValue(scope, out var field) || !_model.IsAccessible(position, field))
            {
                continue;
            }

            if (!looked)
            {
                // What a plain CymbioScopes binds to here (nothing when it is ambiguous or not imported).
                looked = true;
                named = _model.LookupNamespacesAndTypes(position, name: ClassName) is { Length: 1 } found ? found[0] : null;
            }

            if (SymbolEqualityComparer.Default.Equals(named, type))
            {
                return field;
            }

            first ??= field;
        }

        return first;
    }
}
