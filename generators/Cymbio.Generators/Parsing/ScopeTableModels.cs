using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cymbio.Generators;

/// <summary>The scope-table models of a compilation: found from a method-level attribute, named uniquely, pending constants resolved.</summary>
internal static class ScopeTableModels
{
    /// <summary>
    /// Reads the interface behind a method-level attribute, once per interface: only for the first method with
    /// <c>[CymbioScope]</c> or <c>[CymbioNoScope]</c>, and only when the interface itself has neither (the interface
    /// pipelines cover that case).
    /// </summary>
    public static InterfaceModel? ReadFromMethod(IMethodSymbol? method, SemanticModel semanticModel, System.Threading.CancellationToken cancellationToken)
    {
        var type = method?.ContainingType;
        if (type is null || type.TypeKind != TypeKind.Interface || ScopeSymbols.HasRequirementAttribute(type))
        {
            return null;
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol candidate && ScopeSymbols.HasRequirementAttribute(candidate))
            {
                return SymbolEqualityComparer.Default.Equals(candidate, method) ? InterfaceReader.Read(type, semanticModel.Compilation, semanticModel, cancellationToken) : null;
            }
        }

        return null;
    }

    /// <summary>
    /// Reads the interface of <paramref name="declaration"/> when one of the methods declared there carries
    /// <c>[CymbioScope]</c> and the interface itself has neither <c>[CymbioScope]</c> nor <c>[CymbioNoScope]</c> (the
    /// interface pipelines cover that case). The methods' attributes are read with <see cref="MethodAttributeReader"/>
    /// where it can, so that finding them does not make the compiler bind every attributed method's attributes; a
    /// method it cannot read is checked through its symbol. A partial interface may be read from each of its parts;
    /// <see cref="Distinct"/> keeps one.
    /// </summary>
    public static InterfaceModel? ReadFromDeclaration(InterfaceDeclarationSyntax declaration, SemanticModel semanticModel, System.Threading.CancellationToken cancellationToken)
    {
        if (semanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol { TypeKind: TypeKind.Interface } type || ScopeSymbols.HasRequirementAttribute(type))
        {
            return null;
        }

        var attributes = new MethodAttributeReader(semanticModel);
        foreach (var member in declaration.Members)
        {
            if (member is MethodDeclarationSyntax { AttributeLists.Count: > 0 } method
                && (attributes.TryRead(method, declaration, out var own)
                    ? own.HasScope
                    : semanticModel.GetDeclaredSymbol(method, cancellationToken) is { } symbol && ScopeSymbols.HasScopeAttribute(symbol)))
            {
                return InterfaceReader.Read(type, semanticModel.Compilation, semanticModel, attributes, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>Whether an interface declaration has a method with an attribute: the syntax-only filter before <see cref="ReadFromDeclaration"/>.</summary>
    public static bool HasAttributedMethod(SyntaxNode node)
    {
        if (node is InterfaceDeclarationSyntax declaration)
        {
            foreach (var member in declaration.Members)
            {
                if (member is MethodDeclarationSyntax { AttributeLists.Count: > 0 })
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// One model per interface, ordered by metadata name, with file and class names made unique: generated file names
    /// are compared without case, and two interfaces can map to one class name (<c>Outer.IApi</c> and
    /// <c>IOuterApi</c>). The first by metadata name keeps the plain name; later ones get <c>2</c>, <c>3</c>, ….
    /// </summary>
    public static ImmutableArray<InterfaceModel> Distinct(params ImmutableArray<InterfaceModel?>[] sources)
    {
        var byName = new SortedDictionary<string, InterfaceModel>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var model in source)
            {
                if (model is not null && !byName.ContainsKey(model.MetadataName))
                {
                    byName.Add(model.MetadataName, model);
                }
            }
        }

        var hintNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Emitter.ConstantsHintName };
        var classNames = new HashSet<string>(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<InterfaceModel>(byName.Count);
        foreach (var model in byName.Values)
        {
            var className = UniqueNames.Reserve(
                model.ClassName,
                i => model.ClassName + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                candidate => classNames.Add(model.Namespace + "." + candidate));
            var hintBase = Emitter.HintBase(model.MetadataName);
            var hintName = UniqueNames.Reserve(
                hintNames,
                hintBase + Emitter.HintSuffix,
                i => hintBase + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + Emitter.HintSuffix);

            result.Add(model with { ClassName = className, HintName = hintName });
        }

        return result.MoveToImmutable();
    }

    /// <summary>Resolves pending constant names against the generated constants; what cannot be resolved fails closed.</summary>
    public static InterfaceModel Resolve(InterfaceModel model, EquatableArray<ConstantName> constants)
    {
        if (model.Operations.All(static o => o.PendingConstants.IsEmpty))
        {
            return model;
        }

        var operations = model.Operations.Select(operation =>
        {
            if (operation.PendingConstants.IsEmpty)
            {
                return operation;
            }

            var scopes = new List<string>(operation.Scopes);
            var errors = new List<string>(operation.Errors);
            foreach (var pending in operation.PendingConstants)
            {
                var match = constants.FirstOrDefault(c => c.Identifier == pending.Name);
                if (match is not null)
                {
                    scopes.Add(match.Name);
                }
                else if (!pending.QualifiedByCymbioScopes)
                {
                    // Written as CymbioScopes.Name, an unknown name is a compiler error at the attribute. Anything else
                    // may be defined by code this generator cannot see: refuse it rather than drop a scope.
                    errors.Add($"'{pending.Expression}' is not a scope string or a string constant that the generator can see");
                }
            }

            return operation with
            {
                Scopes = EquatableArray<string>.From(ScopeSymbols.Canonical(scopes)),
                PendingConstants = EquatableArray<PendingConstant>.Empty,
                Errors = EquatableArray<string>.From(errors),
            };
        });
        return model with { Operations = EquatableArray<OperationModel>.From(operations) };
    }
}
