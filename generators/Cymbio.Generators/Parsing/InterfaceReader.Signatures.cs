using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cymbio.Generators;

/// <summary>
/// <see cref="InterfaceReader"/>'s display strings: parameter types and method signatures for the documentation,
/// written without the display formatter or signature binding where the syntax gives the same text.
/// </summary>
internal static partial class InterfaceReader
{
    /// <summary>
    /// <paramref name="type"/> as <see cref="SymbolDisplayFormat.MinimallyQualifiedFormat"/> shows it. The common
    /// parameter types (keywords, plain non-generic top-level types) are written directly: the display formatter cost
    /// a sixth of the generator's run on a 2,000-operation project.
    /// </summary>
    private static string TypeDisplay(ITypeSymbol type) =>
        (type.NullableAnnotation != NullableAnnotation.Annotated ? PlainDisplay(type) : null) ?? type.ToDisplayString(TypeFormat);

    /// <summary>
    /// A keyword or a plain non-generic top-level type as the display formatter writes it without a nullable
    /// annotation (the caller rules that out), or null for anything else.
    /// </summary>
    private static string? PlainDisplay(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { IsGenericType: false, ContainingType: null, IsTupleType: false, TypeKind: not TypeKind.Error } named)
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

        return null;
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

    /// <summary>The buffer <see cref="Signature"/> builds in, one per thread (signatures are built one at a time).</summary>
    [System.ThreadStatic]
    private static StringBuilder? t_signature;

    /// <summary>
    /// The method's name, type parameters and parameter types (<c>GetAsync(long, Thing)</c>), for the documentation.
    /// Reading <see cref="IMethodSymbol.Parameters"/> makes the compiler bind the whole signature (return type
    /// included), which was a sixth of the generator's run on a 2,000-operation project; so where the method's
    /// declaration is in the tree of the semantic model the reader was given, parameter types are taken from the syntax
    /// instead: a keyword (<c>long</c>) as written, a simple name (<c>Thing</c>) bound on its own (<see cref="NameDisplays"/>). Either gives exactly what
    /// <see cref="TypeDisplay"/> gives for the parameter's type; any other shape reads the parameters from the symbol.
    /// </summary>
    private static string Signature(IMethodSymbol method, ref NameDisplays names, CancellationToken cancellationToken)
    {
        var builder = (t_signature ??= new StringBuilder(128)).Clear().Append(ScopeSymbols.OperationName(method));
        if (method.TypeParameters.Length > 0)
        {
            builder.Append('<');
            for (var i = 0; i < method.TypeParameters.Length; i++)
            {
                builder.Append(i == 0 ? string.Empty : ", ").Append(method.TypeParameters[i].Name);
            }

            builder.Append('>');
        }

        builder.Append('(');
        var start = builder.Length;
        if (!TryAppendParametersFromSyntax(builder, method, ref names, cancellationToken))
        {
            builder.Length = start;
            var parameters = method.Parameters;
            for (var i = 0; i < parameters.Length; i++)
            {
                builder.Append(i == 0 ? string.Empty : ", ").Append(TypeDisplay(parameters[i].Type));
            }
        }

        return builder.Append(')').ToString();
    }

    private static bool TryAppendParametersFromSyntax(StringBuilder builder, IMethodSymbol method, ref NameDisplays names, CancellationToken cancellationToken)
    {
        var semanticModel = names.SemanticModel;
        if (semanticModel is null)
        {
            return false;
        }

        var references = method.DeclaringSyntaxReferences;
        if (references.Length != 1
            || references[0].SyntaxTree != semanticModel.SyntaxTree
            || references[0].GetSyntax(cancellationToken) is not MethodDeclarationSyntax declaration)
        {
            return false;
        }

        var parameters = declaration.ParameterList.Parameters;
        for (var i = 0; i < parameters.Count; i++)
        {
            string? text;
            switch (parameters[i].Type)
            {
                case PredefinedTypeSyntax predefined:
                    // bool … string, object: the keyword is what the formatter writes for the special type.
                    text = predefined.Keyword.ValueText;
                    break;
                case IdentifierNameSyntax name:
                    // Not annotated (that would be a NullableTypeSyntax), so the plain display is the full display.
                    text = names.Display(name, declaration, method.TypeParameters.Length == 0, cancellationToken);
                    break;
                default:
                    // Generic, qualified, array, nullable, tuple, pointer or function-pointer types, __arglist.
                    text = null;
                    break;
            }

            if (text is null)
            {
                return false;
            }

            builder.Append(i == 0 ? string.Empty : ", ").Append(text);
        }

        return true;
    }

    /// <summary>
    /// Simple type names in parameter lists, bound with the semantic model and shown as <see cref="PlainDisplay"/>
    /// shows them (null: not a plain type). A name means the same in every method of one type declaration unless a
    /// method's own type parameters can shadow it, so within a declaration each name is bound once.
    /// </summary>
    private struct NameDisplays
    {
        private SyntaxNode? _scope;
        private Dictionary<string, string?>? _displays;

        public NameDisplays(SemanticModel? semanticModel)
        {
            SemanticModel = semanticModel;
            _scope = null;
            _displays = null;
        }

        public SemanticModel? SemanticModel { get; }

        public string? Display(IdentifierNameSyntax name, MethodDeclarationSyntax method, bool cacheable, CancellationToken cancellationToken)
        {
            if (!cacheable || method.Parent is null)
            {
                return Bind(name, cancellationToken);
            }

            if (_scope != method.Parent)
            {
                _scope = method.Parent;
                _displays?.Clear();
            }

            _displays ??= new Dictionary<string, string?>(System.StringComparer.Ordinal);
            var text = name.Identifier.ValueText;
            if (!_displays.TryGetValue(text, out var display))
            {
                display = Bind(name, cancellationToken);
                _displays.Add(text, display);
            }

            return display;
        }

        private readonly string? Bind(IdentifierNameSyntax name, CancellationToken cancellationToken) =>
            SemanticModel!.GetSymbolInfo(name, cancellationToken).Symbol is ITypeSymbol bound ? PlainDisplay(bound) : null;
    }

    /// <summary>Canonical form of a method's scopes or constant references (<see cref="ScopeSymbols.Canonical"/>), without the sorted set for the usual one or two.</summary>
    private static EquatableArray<string> Canonical(List<string>? items)
    {
        switch (items?.Count ?? 0)
        {
            case 0:
                return EquatableArray<string>.Empty;
            case 1:
                return EquatableArray<string>.Of(items![0]);
            case 2:
                var order = string.CompareOrdinal(items![0], items[1]);
                return order == 0 ? EquatableArray<string>.Of(items[0])
                    : EquatableArray<string>.From(order < 0 ? new[] { items[0], items[1] } : new[] { items[1], items[0] });
            default:
                return EquatableArray<string>.From(ScopeSymbols.Canonical(items!));
        }
    }

    /// <summary>The display name of a base interface that declares an inherited operation, formatted once per interface read.</summary>
    private static string DisplayNameOf(INamedTypeSymbol declaring, ref Dictionary<INamedTypeSymbol, string>? cache)
    {
        cache ??= new Dictionary<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
        if (!cache.TryGetValue(declaring, out var name))
        {
            name = declaring.ToDisplayString();
            cache.Add(declaring, name);
        }

        return name;
    }

    private static string MetadataName(INamedTypeSymbol type, string? ns)
    {
        var chain = new List<string>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            chain.Insert(0, current.MetadataName);
        }

        var name = string.Join("+", chain);
        return ns is null ? name : ns + "." + name;
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
