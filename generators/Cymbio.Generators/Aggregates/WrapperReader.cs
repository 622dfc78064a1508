using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cymbio.Generators;

/// <summary>The wrappers of one interface's Refit operations: parameters, call, scope attributes and documentation.</summary>
internal static class WrapperReader
{
    private static readonly string[] Evidence = { "Confirmed", "Dated", "Inferred" };

    public static IEnumerable<WrapperMethod> Read(INamedTypeSymbol api, string? accountParameter, Compilation compilation, CancellationToken cancellationToken)
    {
        var prefix = RefitRoutes.PathPrefixOf(api);
        var signatures = new HashSet<string>(StringComparer.Ordinal);
        foreach (var method in ScopeSymbols.OperationCandidates(api))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!ScopeSymbols.TryGetHttp(method, out var verb, out var route, out _) || !IsComplete(method))
            {
                continue;
            }

            var parameters = new List<string>();
            var arguments = new List<string>();
            var bound = new List<string>();
            var kept = new List<string>();
            foreach (var parameter in method.Parameters)
            {
                if (accountParameter is not null && parameter.Name == accountParameter && parameter.Type.SpecialType == SpecialType.System_Int64 && parameter.RefKind == RefKind.None)
                {
                    arguments.Add("this._accountId");
                    bound.Add(parameter.Name);
                }
                else if (FixedBody(parameter) is { } instance)
                {
                    arguments.Add(instance);
                    bound.Add(parameter.Name);
                }
                else
                {
                    parameters.Add(ParameterDeclaration(parameter));
                    arguments.Add(RefKindPrefix(parameter.RefKind, argument: true) + AggregateReader.Escape(parameter.Name));
                    kept.Add(RefKindPrefix(parameter.RefKind, argument: false) + parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)); // as the CLR tells overloads apart: no nullable annotations
                }
            }

            // Overloads that differ only in what is bound (GetAsync(long supplierId) and GetAsync()) would give two
            // wrappers with one signature (CS0111): the first declared keeps it.
            if (!signatures.Add(method.Name + "`" + method.Arity + "(" + string.Join(",", kept) + ")"))
            {
                continue;
            }

            var requirement = Requirements.Of(method, api, compilation, cancellationToken);
            var scopeArguments = new List<string>();
            var pending = new List<PendingConstant>();
            var declared = requirement.IsDeclared;
            foreach (var reference in requirement.Scopes)
            {
                switch (reference.Kind)
                {
                    case ScopeReferenceKind.Literal:
                        scopeArguments.Add(SymbolDisplay.FormatLiteral(reference.Text, quote: true));
                        break;
                    case ScopeReferenceKind.Constant:
                        scopeArguments.Add(reference.Text);
                        break;
                    case ScopeReferenceKind.Pending:
                        pending.Add(new PendingConstant(reference.Text, reference.QualifiedByCymbioScopes, reference.Expression));
                        break;
                    default:
                        // The interface's own table fails the build (#error); the wrapper declares nothing it cannot state.
                        declared = false;
                        break;
                }
            }

            var endpoint = method.GetAttributes().FirstOrDefault(static a => a.AttributeClass is { Name: "CymbioEndpointAttribute", ContainingNamespace.Name: "Cymbio" });
            var template = RefitRoutes.Template(prefix, route);
            yield return new WrapperMethod(
                AggregateReader.Escape(method.Name),
                method.ReturnType.ToDisplayString(SymbolFormats.Type),
                method.TypeParameters.IsEmpty ? string.Empty : "<" + string.Join(", ", method.TypeParameters.Select(static p => p.Name)) + ">",
                EquatableArray<string>.From(method.TypeParameters.Select(Constraint).Where(static c => c is not null).Select(static c => c!)),
                EquatableArray<string>.From(parameters),
                string.Join(", ", arguments),
                declared,
                EquatableArray<string>.From(scopeArguments),
                EquatableArray<PendingConstant>.From(pending),
                endpoint is null ? null : EndpointAttribute(endpoint),
                EquatableArray<string>.From(WrapperDocumentation.Lines(method, api, verb, template, requirement, endpoint, bound, cancellationToken)));
        }
    }

    /// <summary>
    /// Whether the signature can be restated: every type in it binds and every parameter has a name. Code being typed
    /// (a missing <c>using</c>, a half-written parameter) has no wrapper, rather than one that repeats the compiler's
    /// error inside generated code.
    /// </summary>
    private static bool IsComplete(IMethodSymbol method) =>
        method.Name.Length > 0
        && Binds(method.ReturnType)
        && method.Parameters.All(static p => p.Name.Length > 0 && Binds(p.Type))
        && method.TypeParameters.All(static t => t.ConstraintTypes.All(Binds));

    private static bool Binds(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Error } => false,
        IArrayTypeSymbol array => Binds(array.ElementType),
        IPointerTypeSymbol pointer => Binds(pointer.PointedAtType),
        INamedTypeSymbol named => named.TypeArguments.All(Binds) && (named.ContainingType is null || Binds(named.ContainingType)),
        _ => true,
    };

    /// <summary><c>[Body] EmptyRequest body</c>: a body parameter whose type has a public static <c>Instance</c> of itself.</summary>
    private static string? FixedBody(IParameterSymbol parameter)
    {
        if (parameter.RefKind != RefKind.None
            || !parameter.GetAttributes().Any(static a => a.AttributeClass is { Name: "BodyAttribute", ContainingNamespace.Name: "Refit" })
            || parameter.Type is not INamedTypeSymbol type)
        {
            return null;
        }

        foreach (var member in type.GetMembers("Instance"))
        {
            var memberType = member switch
            {
                IPropertySymbol { IsStatic: true, DeclaredAccessibility: Accessibility.Public, GetMethod: not null } property => property.Type,
                IFieldSymbol { IsStatic: true, DeclaredAccessibility: Accessibility.Public } field => field.Type,
                _ => null,
            };
            if (memberType is not null && SymbolEqualityComparer.Default.Equals(memberType.OriginalDefinition, type.OriginalDefinition))
            {
                return type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolFormats.Type) + ".Instance";
            }
        }

        return null;
    }

    private static string ParameterDeclaration(IParameterSymbol parameter)
    {
        var builder = new StringBuilder();
        if (parameter.IsParams)
        {
            builder.Append("params ");
        }

        builder.Append(RefKindPrefix(parameter.RefKind, argument: false))
            .Append(parameter.Type.ToDisplayString(SymbolFormats.Type))
            .Append(' ')
            .Append(AggregateReader.Escape(parameter.Name));
        if (parameter.HasExplicitDefaultValue)
        {
            builder.Append(" = ").Append(DefaultValue(parameter));
        }

        return builder.ToString();
    }

    private static string DefaultValue(IParameterSymbol parameter)
    {
        var value = parameter.ExplicitDefaultValue;
        var type = parameter.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : parameter.Type;
        if (value is null)
        {
            return "default";
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return "(" + type.ToDisplayString(SymbolFormats.Type) + ")(" + SymbolDisplay.FormatPrimitive(value, quoteStrings: false, useHexadecimalNumbers: false) + ")";
        }

        if (NonFinite(value) is { } named)
        {
            return named;
        }

        var literal = SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false);
        return value switch
        {
            float => literal + "F",
            double => literal + "D",
            decimal => literal + "M",
            long => literal + "L",
            ulong => literal + "UL",
            uint => literal + "U",
            _ => literal,
        };
    }

    /// <summary><c>double.NaN</c> and the infinities have no literal: they are written as the constants.</summary>
    private static string? NonFinite(object value) => value switch
    {
        float f when float.IsNaN(f) => "float.NaN",
        float f when float.IsPositiveInfinity(f) => "float.PositiveInfinity",
        float f when float.IsNegativeInfinity(f) => "float.NegativeInfinity",
        double d when double.IsNaN(d) => "double.NaN",
        double d when double.IsPositiveInfinity(d) => "double.PositiveInfinity",
        double d when double.IsNegativeInfinity(d) => "double.NegativeInfinity",
        _ => null,
    };

    private static string RefKindPrefix(RefKind kind, bool argument) => kind switch
    {
        RefKind.Ref => "ref ",
        RefKind.Out => "out ",
        RefKind.In => argument ? "in " : "in ",
        _ => string.Empty,
    };

    private static string? Constraint(ITypeParameterSymbol parameter)
    {
        var parts = new List<string>();
        if (parameter.HasReferenceTypeConstraint)
        {
            parts.Add(parameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
        }
        else if (parameter.HasUnmanagedTypeConstraint)
        {
            parts.Add("unmanaged");
        }
        else if (parameter.HasValueTypeConstraint)
        {
            parts.Add("struct");
        }
        else if (parameter.HasNotNullConstraint)
        {
            parts.Add("notnull");
        }

        parts.AddRange(parameter.ConstraintTypes.Select(static t => t.ToDisplayString(SymbolFormats.Type)));
        if (parameter.HasConstructorConstraint)
        {
            parts.Add("new()");
        }

        return parts.Count == 0 ? null : "where " + parameter.Name + " : " + string.Join(", ", parts);
    }

    private static string EndpointAttribute(AttributeData endpoint)
    {
        var arguments = endpoint.ConstructorArguments;
        var id = arguments.Length > 0 && arguments[0].Value is string text ? text : string.Empty;
        var evidence = arguments.Length > 1 && arguments[1].Value is int value && value >= 0 && value < Evidence.Length
            ? "global::Cymbio.CymbioEvidence." + Evidence[value]
            : "(global::Cymbio.CymbioEvidence)" + (arguments.Length > 1 ? arguments[1].Value : 0);
        var sources = arguments.Length > 2 && arguments[2].Value is string s ? s : string.Empty;
        return $"[global::Cymbio.CymbioEndpoint({SymbolDisplay.FormatLiteral(id, quote: true)}, {evidence}, {SymbolDisplay.FormatLiteral(sources, quote: true)})]";
    }

    public static string EvidenceName(AttributeData endpoint) =>
        endpoint.ConstructorArguments.Length > 1 && endpoint.ConstructorArguments[1].Value is int value && value >= 0 && value < Evidence.Length
            ? Evidence[value].ToLowerInvariant()
            : "unknown";
}
