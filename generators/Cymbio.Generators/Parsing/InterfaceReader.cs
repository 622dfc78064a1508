using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cymbio.Generators;

/// <summary>Builds an <see cref="InterfaceModel"/> from a symbol; the symbol does not outlive the call.</summary>
internal static partial class InterfaceReader
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.MinimallyQualifiedFormat;

    /// <summary>Reads <paramref name="type"/>; see <see cref="Read(INamedTypeSymbol?, Compilation, SemanticModel?, CancellationToken)"/>.</summary>
    public static InterfaceModel? Read(INamedTypeSymbol? type, Compilation compilation, CancellationToken cancellationToken) =>
        Read(type, compilation, null, cancellationToken);

    /// <summary>
    /// Reads <paramref name="type"/>. With <paramref name="semanticModel"/> (the model of the tree the pipeline found
    /// the interface in), the parameter types of methods declared in that tree are read from their syntax where that
    /// gives the same text as the symbol would (<see cref="Signature"/>), so the methods' signatures are not bound.
    /// </summary>
    public static InterfaceModel? Read(INamedTypeSymbol? type, Compilation compilation, SemanticModel? semanticModel, CancellationToken cancellationToken) =>
        Read(type, compilation, semanticModel, semanticModel is null ? null : new MethodAttributeReader(semanticModel), cancellationToken);

    /// <summary>
    /// Reads <paramref name="type"/>, as <see cref="Read(INamedTypeSymbol?, Compilation, SemanticModel?, CancellationToken)"/>;
    /// with <paramref name="attributes"/>, the attributes of methods declared in the semantic model's tree are read from
    /// their syntax where <see cref="MethodAttributeReader"/> can, so the compiler does not bind them.
    /// </summary>
    public static InterfaceModel? Read(INamedTypeSymbol? type, Compilation compilation, SemanticModel? semanticModel, MethodAttributeReader? attributes, CancellationToken cancellationToken)
    {
        // A file-local interface cannot be named outside its file, so no table can be generated for it.
        if (type is null || type.TypeKind != TypeKind.Interface || type.IsFileLocal)
        {
            return null;
        }

        type = type.OriginalDefinition;
        var isPublic = true;
        for (ISymbol? current = type; current is INamedTypeSymbol named; current = named.ContainingType)
        {
            // Code being typed ("interface {"): nothing to name yet.
            if (!SyntaxFacts.IsValidIdentifier(named.Name))
            {
                return null;
            }

            switch (named.DeclaredAccessibility)
            {
                case Accessibility.Public:
                    break;
                case Accessibility.Internal:
                case Accessibility.ProtectedOrInternal:
                    isPublic = false;
                    break;
                default:
                    // Private or protected nested interfaces cannot be reached from a namespace-level class (nor by Refit).
                    return null;
            }
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : null;
        var displayName = type.ToDisplayString();
        Dictionary<INamedTypeSymbol, string>? baseDisplayNames = null;
        var names = new NameDisplays(semanticModel);
        var prefix = RefitRoutes.PathPrefixOf(type);
        var operations = new List<OperationModel>();
        foreach (var method in ScopeSymbols.OperationCandidates(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            string? verb;
            string? route;
            Requirement requirement;
            if (attributes is not null && attributes.TryRead(method, cancellationToken, out var own))
            {
                if (!own.HasHttp)
                {
                    continue;
                }

                (verb, route) = (own.Verb, own.Route);
                requirement = Requirements.Of(method, type, own, compilation, cancellationToken);
            }
            else
            {
                if (!ScopeSymbols.TryGetHttp(method, out verb, out route, out _))
                {
                    continue;
                }

                requirement = Requirements.Of(method, type, compilation, cancellationToken);
            }

            List<string>? scopes = null;
            List<string>? constants = null;
            List<PendingConstant>? pending = null;
            List<string>? errors = null;
            foreach (var reference in requirement.Scopes)
            {
                switch (reference.Kind)
                {
                    case ScopeReferenceKind.Literal when ScopeNames.IsScopeToken(reference.Text):
                        (scopes ??= new List<string>()).Add(reference.Text);
                        break;
                    case ScopeReferenceKind.Literal:
                        (errors ??= new List<string>()).Add($"'{reference.Text}' is not a valid OAuth scope ({ScopeNames.Explain(reference.Text)})");
                        break;
                    case ScopeReferenceKind.Constant:
                        (constants ??= new List<string>()).Add(reference.Text);
                        break;
                    case ScopeReferenceKind.Pending:
                        (pending ??= new List<PendingConstant>()).Add(new PendingConstant(reference.Text, reference.QualifiedByCymbioScopes, reference.Expression));
                        break;
                    default:
                        (errors ??= new List<string>()).Add(reference.Text);
                        break;
                }
            }

            var declaring = method.ContainingType.OriginalDefinition;
            operations.Add(new OperationModel(
                ScopeSymbols.OperationName(method),
                Signature(method, ref names, cancellationToken),
                SymbolEqualityComparer.Default.Equals(declaring, type) ? displayName : DisplayNameOf(declaring, ref baseDisplayNames),
                verb,
                RefitRoutes.Template(prefix, route),
                requirement.IsDeclared,
                Canonical(scopes),
                Canonical(constants),
                pending is null ? EquatableArray<PendingConstant>.Empty : EquatableArray<PendingConstant>.From(pending.Distinct()),
                errors is null ? EquatableArray<string>.Empty : EquatableArray<string>.From(errors.Distinct())));
        }

        return new InterfaceModel(
            MetadataName(type, ns),
            ns,
            ClassName(type),
            TypeOfName(type, ns),
            displayName,
            isPublic,
            EquatableArray<OperationModel>.From(operations));
    }
}
