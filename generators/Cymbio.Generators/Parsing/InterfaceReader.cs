using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cymbio.Generators;

/// <summary>Builds an <see cref="InterfaceModel"/> from a symbol; the symbol does not outlive the call.</summary>
internal static class InterfaceReader
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.MinimallyQualifiedFormat;

    public static InterfaceModel? Read(INamedTypeSymbol? type, Compilation compilation, CancellationToken cancellationToken)
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

        var prefix = RefitRoutes.PathPrefixOf(type);
        var operations = new List<OperationModel>();
        foreach (var method in ScopeSymbols.OperationCandidates(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!ScopeSymbols.TryGetHttp(method, out var verb, out var route, out _))
            {
                continue;
            }

            var requirement = Requirements.Of(method, type, compilation, cancellationToken);
            var scopes = new List<string>();
            var constants = new List<string>();
            var pending = new List<PendingConstant>();
            var errors = new List<string>();
            foreach (var reference in requirement.Scopes)
            {
                switch (reference.Kind)
                {
                    case ScopeReferenceKind.Literal when ScopeNames.IsScopeToken(reference.Text):
                        scopes.Add(reference.Text);
                        break;
                    case ScopeReferenceKind.Literal:
                        errors.Add($"'{reference.Text}' is not a valid OAuth scope ({ScopeNames.Explain(reference.Text)})");
                        break;
                    case ScopeReferenceKind.Constant:
                        constants.Add(reference.Text);
                        break;
                    case ScopeReferenceKind.Pending:
                        pending.Add(new PendingConstant(reference.Text, reference.QualifiedByCymbioScopes, reference.Expression));
                        break;
                    default:
                        errors.Add(reference.Text);
                        break;
                }
            }

            operations.Add(new OperationModel(
                ScopeSymbols.OperationName(method),
                Signature(method),
                method.ContainingType.OriginalDefinition.ToDisplayString(),
                verb,
                RefitRoutes.Template(prefix, route),
                requirement.IsDeclared,
                EquatableArray<string>.From(ScopeSymbols.Canonical(scopes)),
                EquatableArray<string>.From(ScopeSymbols.Canonical(constants)),
                EquatableArray<PendingConstant>.From(pending.Distinct()),
                EquatableArray<string>.From(errors.Distinct())));
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : null;
        return new InterfaceModel(
            MetadataName(type),
            ns,
            ClassName(type),
            TypeOfName(type, ns),
            type.ToDisplayString(),
            isPublic,
            EquatableArray<OperationModel>.From(operations));
    }

    /// <summary>
    /// <paramref name="type"/> as <see cref="SymbolDisplayFormat.MinimallyQualifiedFormat"/> shows it. The common
    /// parameter types (keywords, plain non-generic top-level types) are written directly: the display formatter cost
    /// a sixth of the generator's run on a 2,000-operation project.
    /// </summary>
    private static string TypeDisplay(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { IsGenericType: false, ContainingType: null, IsTupleType: false, TypeKind: not TypeKind.Error } named
            && type.NullableAnnotation != NullableAnnotation.Annotated)
        {
            if (Keyword(named.SpecialType) is { } keyword)
            {
                return keyword;
            }

            if (named.SpecialType == SpecialType.None && SyntaxFacts.GetKeywordKind(named.Name) == SyntaxKind.None)
            {
                return named.Name;
            }
        }

        return type.ToDisplayString(TypeFormat);
    }

    private static string? Keyword(SpecialType type) => type switch
    {
        SpecialType.System_Boolean => "bool",
        SpecialType.System_Char => "char",
        SpecialType.System_SByte => "sbyte",
        SpecialType.System_Byte => "byte",
        SpecialType.System_Int16 => "short",
        SpecialType.System_UInt16 => "ushort",
        SpecialType.System_Int32 => "int",
        SpecialType.System_UInt32 => "uint",
        SpecialType.System_Int64 => "long",
        SpecialType.System_UInt64 => "ulong",
        SpecialType.System_Decimal => "decimal",
        SpecialType.System_Single => "float",
        SpecialType.System_Double => "double",
        SpecialType.System_String => "string",
        SpecialType.System_Object => "object",
        _ => null,
    };

    private static string Signature(IMethodSymbol method)
    {
        var builder = new StringBuilder(ScopeSymbols.OperationName(method));
        if (method.TypeParameters.Length > 0)
        {
            builder.Append('<').Append(string.Join(", ", method.TypeParameters.Select(static p => p.Name))).Append('>');
        }

        builder.Append('(').Append(string.Join(", ", method.Parameters.Select(static p => TypeDisplay(p.Type)))).Append(')');
        return builder.ToString();
    }

    private static string MetadataName(INamedTypeSymbol type)
    {
        var chain = new List<string>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            chain.Insert(0, current.MetadataName);
        }

        var name = string.Join("+", chain);
        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
    }

    private static string ClassName(INamedTypeSymbol type)
    {
        var builder = new StringBuilder();
        var chain = new List<INamedTypeSymbol>();
        for (var current = type.ContainingType; current is not null; current = current.ContainingType)
        {
            chain.Insert(0, current);
        }

        foreach (var outer in chain)
        {
            builder.Append(outer.Name);
        }

        var name = type.Name;
        if (name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]))
        {
            name = name.Substring(1);
        }

        builder.Append(name);
        if (type.TypeParameters.Length > 0)
        {
            builder.Append("Of");
            foreach (var parameter in type.TypeParameters)
            {
                builder.Append(parameter.Name);
            }
        }

        return builder.Append("Scopes").ToString();
    }

    private static string TypeOfName(INamedTypeSymbol type, string? ns)
    {
        var parts = new List<string>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            var arity = current.TypeParameters.Length;
            parts.Insert(0, arity == 0 ? current.Name : current.Name + "<" + new string(',', arity - 1) + ">");
        }

        return "global::" + (ns is null ? string.Empty : ns + ".") + string.Join(".", parts);
    }
}
