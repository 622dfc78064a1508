using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cymbio.Generators;

/// <summary>What an interface's own method declares through its attributes, as <see cref="MethodAttributeReader"/> read it.</summary>
/// <param name="HasHttp">Whether the method has a Refit HTTP attribute (<see cref="ScopeSymbols.TryGetHttp(IMethodSymbol, out string?, out string?, out bool)"/>).</param>
/// <param name="Verb">The first HTTP attribute's verb (upper case).</param>
/// <param name="Route">The first HTTP attribute's route.</param>
/// <param name="Scopes">The scopes of every <c>[CymbioScope]</c>, in attribute order (what <see cref="ScopeSymbols.ScopesOf"/> gives).</param>
/// <param name="HasScope">Whether the method has <c>[CymbioScope]</c>.</param>
/// <param name="HasNoScope">Whether the method has <c>[CymbioNoScope]</c>.</param>
internal readonly record struct OwnAttributes(bool HasHttp, string? Verb, string? Route, List<ScopeReference> Scopes, bool HasScope, bool HasNoScope);

/// <summary>
/// Reads a method's Refit and Cymbio attributes from its syntax, for the usual shapes, so that the compiler does not
/// bind them (with their arguments, overload resolution and nullable analysis): on an incremental run that binding of
/// every attributed method was most of the generator's time (docs/benchmarks.md, "Issue 10"). An attribute name is a
/// simple name, looked up once per interface declaration with the semantic model where the method's attributes are
/// bound (the interface's body; generic methods, whose type parameters could shadow a name, are not read), both as
/// written and with the <c>Attribute</c> suffix as the compiler does; the known attributes' arguments must be plain
/// string literals. Anything else — an alias, a qualified or generic name, an ambiguous or unresolved name, a
/// target other than <c>method:</c>, another argument shape, a custom HTTP attribute — makes <c>TryRead</c>
/// return false, and the caller reads the symbol's attributes instead. <c>InterfaceReaderTests</c> compare the two.
/// </summary>
internal sealed class MethodAttributeReader
{
    private readonly SemanticModel _semanticModel;
    private TypeDeclarationSyntax? _scope;
    private Dictionary<string, Kind>? _kinds;

    public MethodAttributeReader(SemanticModel semanticModel)
    {
        _semanticModel = semanticModel;
    }

    private enum Kind
    {
        /// <summary>Not readable from syntax: read the symbol.</summary>
        Unknown,

        /// <summary>An attribute neither Refit's HTTP attributes nor Cymbio's scope attributes: ignored.</summary>
        Other,
        Scope,
        NoScope,
        Get,
        Post,
        Put,
        Delete,
        Patch,
        Head,
        Options,
    }

    /// <summary>Reads <paramref name="method"/>'s attributes, when it is declared once, in the semantic model's tree, in a type declaration.</summary>
    public bool TryRead(IMethodSymbol method, CancellationToken cancellationToken, out OwnAttributes attributes)
    {
        attributes = default;
        var references = method.DeclaringSyntaxReferences;
        return references.Length == 1
            && references[0].SyntaxTree == _semanticModel.SyntaxTree
            && references[0].GetSyntax(cancellationToken) is MethodDeclarationSyntax { Parent: TypeDeclarationSyntax parent } declaration
            && TryRead(declaration, parent, out attributes);
    }

    /// <summary>Reads the attributes of <paramref name="method"/>, declared in <paramref name="parent"/> in the semantic model's tree.</summary>
    public bool TryRead(MethodDeclarationSyntax method, TypeDeclarationSyntax parent, out OwnAttributes attributes)
    {
        attributes = default;
        if (method.TypeParameterList is not null || parent.OpenBraceToken.IsMissing)
        {
            return false;
        }

        var hasHttp = false;
        string? verb = null;
        string? route = null;
        var scopes = new List<ScopeReference>();
        var hasScope = false;
        var hasNoScope = false;
        foreach (var list in method.AttributeLists)
        {
            if (list.Target is { } target && !target.Identifier.IsKind(SyntaxKind.MethodKeyword))
            {
                return false;
            }

            foreach (var attribute in list.Attributes)
            {
                if (attribute.Name is not IdentifierNameSyntax name)
                {
                    return false;
                }

                var kind = KindOf(name.Identifier, parent);
                switch (kind)
                {
                    case Kind.Unknown:
                        return false;
                    case Kind.Other:
                        break;
                    case Kind.Scope:
                        hasScope = true;
                        if (attribute.ArgumentList is { } arguments)
                        {
                            foreach (var argument in arguments.Arguments)
                            {
                                if (LiteralOf(argument) is not { } scope)
                                {
                                    return false;
                                }

                                scopes.Add(ScopeReference.Literal(scope));
                            }
                        }

                        break;
                    case Kind.NoScope:
                        if (attribute.ArgumentList is { Arguments.Count: > 0 })
                        {
                            return false;
                        }

                        hasNoScope = true;
                        break;
                    default:
                        if (attribute.ArgumentList is not { Arguments.Count: 1 } http || LiteralOf(http.Arguments[0]) is not { } path)
                        {
                            return false;
                        }

                        // The first HTTP attribute is the operation's, as ScopeSymbols.TryGetHttp reads it.
                        if (!hasHttp)
                        {
                            hasHttp = true;
                            verb = VerbOf(kind);
                            route = path;
                        }

                        break;
                }
            }
        }

        attributes = new OwnAttributes(hasHttp, verb, route, scopes, hasScope, hasNoScope);
        return true;
    }

    private static string? LiteralOf(AttributeArgumentSyntax argument) =>
        argument is { NameColon: null, NameEquals: null, Expression: LiteralExpressionSyntax literal } && literal.IsKind(SyntaxKind.StringLiteralExpression)
            ? literal.Token.ValueText
            : null;

    private static string VerbOf(Kind kind) => kind switch
    {
        Kind.Get => "GET",
        Kind.Post => "POST",
        Kind.Put => "PUT",
        Kind.Delete => "DELETE",
        Kind.Patch => "PATCH",
        Kind.Head => "HEAD",
        _ => "OPTIONS",
    };

    /// <summary>What a simple attribute name means in <paramref name="parent"/>'s body, looked up once per declaration.</summary>
    private Kind KindOf(SyntaxToken identifier, TypeDeclarationSyntax parent)
    {
        var text = identifier.Text;
        if (text.Length == 0 || text[0] == '@')
        {
            // A verbatim name is not looked up with the suffix: leave it to the compiler.
            return Kind.Unknown;
        }

        if (_scope != parent)
        {
            _scope = parent;
            _kinds?.Clear();
        }

        _kinds ??= new Dictionary<string, Kind>(System.StringComparer.Ordinal);
        if (!_kinds.TryGetValue(text, out var kind))
        {
            kind = Resolve(text, parent.OpenBraceToken.Span.End);
            _kinds.Add(text, kind);
        }

        return kind;
    }

    private Kind Resolve(string name, int position)
    {
        // The compiler looks an attribute name up as written and with the suffix; both found is an ambiguity.
        var plain = _semanticModel.LookupNamespacesAndTypes(position, name: name);
        var suffixed = _semanticModel.LookupNamespacesAndTypes(position, name: name + "Attribute");
        var found = plain.Length == 1 && suffixed.Length == 0 ? plain[0]
            : plain.Length == 0 && suffixed.Length == 1 ? suffixed[0]
            : null;
        if (found is not INamedTypeSymbol { Arity: 0, TypeKind: TypeKind.Class } type || !IsAttributeClass(type))
        {
            return Kind.Unknown;
        }

        if (IsCymbio(type, "CymbioScopeAttribute"))
        {
            return Kind.Scope;
        }

        if (IsCymbio(type, "CymbioNoScopeAttribute"))
        {
            return Kind.NoScope;
        }

        if (!InheritsRefitHttpMethodAttribute(type))
        {
            return Kind.Other;
        }

        return type.ContainingNamespace is { Name: "Refit", ContainingNamespace.IsGlobalNamespace: true }
            ? type.Name switch
            {
                "GetAttribute" => Kind.Get,
                "PostAttribute" => Kind.Post,
                "PutAttribute" => Kind.Put,
                "DeleteAttribute" => Kind.Delete,
                "PatchAttribute" => Kind.Patch,
                "HeadAttribute" => Kind.Head,
                "OptionsAttribute" => Kind.Options,
                _ => Kind.Unknown,
            }
            : Kind.Unknown;
    }

    private static bool IsCymbio(INamedTypeSymbol type, string name) =>
        type.Name == name && type.ContainingNamespace is { Name: "Cymbio", ContainingNamespace.IsGlobalNamespace: true };

    private static bool IsAttributeClass(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name == "Attribute" && current.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true })
            {
                return true;
            }
        }

        return false;
    }

    private static bool InheritsRefitHttpMethodAttribute(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "HttpMethodAttribute" && current.ContainingNamespace is { Name: "Refit", ContainingNamespace.IsGlobalNamespace: true })
            {
                return true;
            }
        }

        return false;
    }
}
