namespace Cymbio.Generators;

/// <summary>How a scope argument of <c>[CymbioScope]</c> was read.</summary>
internal enum ScopeReferenceKind
{
    /// <summary>A scope string known at generation time.</summary>
    Literal,

    /// <summary>A string constant whose value the compiler cannot give yet; <c>Text</c> is a fully qualified reference to it.</summary>
    Constant,

    /// <summary>An unbound name, probably a constant of the project's own generated <c>CymbioScopes</c>; resolved against the manifest.</summary>
    Pending,

    /// <summary>Nothing the generator can turn into a scope; <c>Text</c> says why.</summary>
    Unresolvable,
}

/// <summary>A scope argument of <c>[CymbioScope]</c> (see <see cref="ScopeReferenceKind"/>).</summary>
/// <param name="Kind">How it was read.</param>
/// <param name="Text">The scope, the constant reference, the pending constant name, or the reason it is unresolvable.</param>
/// <param name="QualifiedByCymbioScopes">For a pending name: written as <c>….CymbioScopes.Name</c>, so an unknown name is a compiler error.</param>
/// <param name="Expression">The argument as written, for messages.</param>
internal readonly record struct ScopeReference(ScopeReferenceKind Kind, string Text, bool QualifiedByCymbioScopes = false, string Expression = "")
{
    public static ScopeReference Literal(string scope) => new(ScopeReferenceKind.Literal, scope, Expression: scope);
}
