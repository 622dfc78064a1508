using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Cymbio.Generators;

/// <summary>What an operation's requirement is, as seen from the interface a client is created for.</summary>
/// <param name="Scopes">The scopes required (empty for <c>[CymbioNoScope]</c> and when nothing was declared).</param>
/// <param name="IsDeclared">
/// Whether a requirement was declared at all: <c>[CymbioScope]</c> with scopes or <c>[CymbioNoScope]</c> on the method
/// or on an interface on the way to the target. An undeclared operation is refused at run time (fail closed).
/// </param>
internal readonly record struct Requirement(List<ScopeReference> Scopes, bool IsDeclared);

/// <summary>
/// The inheritance rule for scope requirements, shared by the generator, the declaration analyzer and the call-site
/// analyzer, so the same endpoint never needs less through a derived interface:
/// <list type="number">
/// <item>the operation's own <c>[CymbioScope]</c> or <c>[CymbioNoScope]</c>;</item>
/// <item>otherwise, on every inheritance path from the interface that declares the operation to the interface the
/// client is created for, the nearest interface-level default (the declaring interface's own first); several paths
/// with different nearest defaults require the union;</item>
/// <item>otherwise nothing is declared, and the operation is refused at run time (CYM0008 at build time).</item>
/// </list>
/// A <c>[CymbioScope]</c> with no scopes declares nothing that could be sent: it makes the operation undeclared rather
/// than one that needs no scope (that is what <c>[CymbioNoScope]</c> says).
/// </summary>
internal static class Requirements
{
    /// <summary>The requirement of <paramref name="method"/> (an operation candidate) for a client of <paramref name="target"/>.</summary>
    public static Requirement Of(IMethodSymbol method, INamedTypeSymbol target, Compilation? compilation = null, CancellationToken cancellationToken = default) =>
        Of(method, target, Declaration.Of(method, compilation, cancellationToken), compilation, cancellationToken);

    /// <summary>
    /// The requirement of <paramref name="method"/> for a client of <paramref name="target"/>, with what the method
    /// itself declares already read (<see cref="MethodAttributeReader"/>): the same rule as the overload that reads the
    /// method's attributes.
    /// </summary>
    public static Requirement Of(IMethodSymbol method, INamedTypeSymbol target, in OwnAttributes own, Compilation? compilation, CancellationToken cancellationToken) =>
        Of(method, target, Declaration.From(own.Scopes, own.HasScope, own.HasNoScope), compilation, cancellationToken);

    private static Requirement Of(IMethodSymbol method, INamedTypeSymbol target, Declaration own, Compilation? compilation, CancellationToken cancellationToken)
    {
        if (own.Kind != DeclarationKind.None)
        {
            return own.ToRequirement();
        }

        var declaring = method.ContainingType.OriginalDefinition;
        target = target.OriginalDefinition;
        if (!SymbolEqualityComparer.Default.Equals(target, declaring) && !Inherits(target, declaring))
        {
            // Not a client of this method's interface (the call-site analyzer can ask with any receiver type).
            target = declaring;
        }

        if (SymbolEqualityComparer.Default.Equals(target, declaring))
        {
            // The usual case, an interface's own method: its default is the only candidate (what Nearest returns).
            return Declaration.Of(declaring, compilation, cancellationToken).ToRequirement();
        }

        var memo = new Dictionary<INamedTypeSymbol, Declaration>(SymbolEqualityComparer.Default);
        return Nearest(target, declaring, memo, compilation, cancellationToken).ToRequirement();
    }

    /// <summary>The union, over the inheritance paths from <paramref name="declaring"/> up to <paramref name="current"/>, of the first declaration met on each.</summary>
    private static Declaration Nearest(
        INamedTypeSymbol current, INamedTypeSymbol declaring, Dictionary<INamedTypeSymbol, Declaration> memo, Compilation? compilation, CancellationToken cancellationToken)
    {
        if (SymbolEqualityComparer.Default.Equals(current, declaring))
        {
            return Declaration.Of(declaring, compilation, cancellationToken);
        }

        if (memo.TryGetValue(current, out var known))
        {
            return known;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var result = Declaration.None;
        Declaration? own = null;
        foreach (var direct in current.Interfaces)
        {
            var step = direct.OriginalDefinition;
            if (!SymbolEqualityComparer.Default.Equals(step, declaring) && !Inherits(step, declaring))
            {
                continue;
            }

            var below = Nearest(step, declaring, memo, compilation, cancellationToken);
            if (below.Kind == DeclarationKind.None)
            {
                // Nothing declared on this path so far: this interface's own default is the nearest.
                own ??= Declaration.Of(current, compilation, cancellationToken);
                below = own.Value;
            }

            result = result.Union(below);
        }

        memo[current] = result;
        return result;
    }

    private static bool Inherits(INamedTypeSymbol type, INamedTypeSymbol baseInterface)
    {
        foreach (var candidate in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, baseInterface))
            {
                return true;
            }
        }

        return false;
    }

    private enum DeclarationKind
    {
        /// <summary>No attribute.</summary>
        None,

        /// <summary><c>[CymbioNoScope]</c>: declared, needs no scope.</summary>
        NoScope,

        /// <summary><c>[CymbioScope]</c> with at least one scope.</summary>
        Scopes,

        /// <summary><c>[CymbioScope]</c> without scopes: nothing usable is declared, and it stops the search.</summary>
        Empty,
    }

    /// <summary>What one symbol (a method or an interface) declares.</summary>
    private readonly record struct Declaration(DeclarationKind Kind, List<ScopeReference>? Scopes)
    {
        public static Declaration None => new(DeclarationKind.None, null);

        public static Declaration Of(ISymbol symbol, Compilation? compilation, CancellationToken cancellationToken)
        {
            var scopes = ScopeSymbols.ScopesOf(symbol, compilation, out var hasScopeAttribute, cancellationToken);
            if (scopes.Count > 0)
            {
                return new Declaration(DeclarationKind.Scopes, scopes);
            }

            foreach (var attribute in symbol.GetAttributes())
            {
                if (ScopeSymbols.IsNoScopeAttribute(attribute))
                {
                    return new Declaration(DeclarationKind.NoScope, null);
                }
            }

            return new Declaration(hasScopeAttribute ? DeclarationKind.Empty : DeclarationKind.None, null);
        }

        /// <summary>The same as <see cref="Of"/>, from attributes already read.</summary>
        public static Declaration From(List<ScopeReference> scopes, bool hasScopeAttribute, bool hasNoScopeAttribute) =>
            scopes.Count > 0 ? new Declaration(DeclarationKind.Scopes, scopes)
            : hasNoScopeAttribute ? new Declaration(DeclarationKind.NoScope, null)
            : new Declaration(hasScopeAttribute ? DeclarationKind.Empty : DeclarationKind.None, null);

        /// <summary>Two paths: an empty <c>[CymbioScope]</c> on either makes the whole undeclared; otherwise scopes add up.</summary>
        public Declaration Union(Declaration other)
        {
            if (Kind == DeclarationKind.Empty || other.Kind == DeclarationKind.Empty)
            {
                return new Declaration(DeclarationKind.Empty, null);
            }

            if (other.Kind is DeclarationKind.None or DeclarationKind.NoScope && Kind != DeclarationKind.None)
            {
                return this;
            }

            if (Kind is DeclarationKind.None or DeclarationKind.NoScope)
            {
                return other;
            }

            var scopes = new List<ScopeReference>(Scopes!);
            scopes.AddRange(other.Scopes!);
            return new Declaration(DeclarationKind.Scopes, scopes);
        }

        public Requirement ToRequirement() => Kind switch
        {
            DeclarationKind.Scopes => new Requirement(Scopes!, IsDeclared: true),
            DeclarationKind.NoScope => new Requirement(new List<ScopeReference>(), IsDeclared: true),
            _ => new Requirement(new List<ScopeReference>(), IsDeclared: false),
        };
    }
}
