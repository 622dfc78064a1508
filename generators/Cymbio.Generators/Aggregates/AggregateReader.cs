using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cymbio.Generators;

/// <summary>
/// Builds an <see cref="AggregateModel"/> from a class with <c>[CymbioAggregate]</c>; the symbols do not outlive the
/// call. Declarations the generator cannot implement (not partial, generic, no interface) give <see langword="null"/>;
/// <see cref="ScopeDeclarationAnalyzer"/> reports why.
/// </summary>
internal static class AggregateReader
{
    public const string AttributeMetadataName = "Cymbio.CymbioAggregateAttribute";

    private static readonly string[] AccountNames = { "None", "Supplier", "Retailer" };

    public static AggregateModel? Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Class, IsGenericType: false, IsStatic: false, Name.Length: > 0 } type
            || context.Attributes.FirstOrDefault() is not { ConstructorArguments.Length: 2 } attribute
            || Problem(type, cancellationToken) is not null)
        {
            return null;
        }

        var account = attribute.ConstructorArguments[0].Value is int value && value >= 0 && value < AccountNames.Length ? value : 0;
        var accountParameter = account == 0
            ? null
            : attribute.NamedArguments.FirstOrDefault(static a => a.Key == "AccountParameter").Value.Value as string
              ?? (account == 1 ? "supplierId" : "retailerId");
        // typeof(…) array; `null` instead of one is an array constant whose Values is a default ImmutableArray.
        var interfaces = attribute.ConstructorArguments[1] is { Kind: TypedConstantKind.Array, IsNull: false } array
            ? array.Values.Select(static v => v.Value as INamedTypeSymbol).ToList()
            : new List<INamedTypeSymbol?>();
        if (interfaces.Count == 0
            || interfaces.Any(static i => i is not { TypeKind: TypeKind.Interface } || i.IsUnboundGenericType)
            || (accountParameter is not null && !SyntaxFacts.IsValidIdentifier(accountParameter)))
        {
            return null;
        }

        // The class's own members (in every partial declaration the user wrote) keep their names; generated ones give way.
        var reserved = new HashSet<string>(type.MemberNames, System.StringComparer.Ordinal) { type.Name };
        var parameters = new HashSet<string>(System.StringComparer.Ordinal);
        if (accountParameter is not null)
        {
            parameters.Add(accountParameter);
        }

        var members = new List<AggregateMember>();
        foreach (var api in interfaces.Distinct(SymbolEqualityComparer.Default).Cast<INamedTypeSymbol>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var property = UniqueNames.Reserve(reserved, PropertyName(api.Name, AccountNames[account]), i => PropertyName(api.Name, AccountNames[account]) + i);
            var clientClass = UniqueNames.Reserve(reserved, property + "Client", i => property + "Client" + i);
            var parameter = UniqueNames.Reserve(parameters, Escape(char.ToLowerInvariant(property[0]) + property.Substring(1)), i => char.ToLowerInvariant(property[0]) + property.Substring(1) + i);
            members.Add(new AggregateMember(
                property,
                clientClass,
                parameter,
                api.ToDisplayString(SymbolFormats.Type),
                IsPublic(api),
                EquatableArray<WrapperMethod>.From(WrapperReader.Read(api, accountParameter, context.SemanticModel.Compilation, cancellationToken))));
        }

        var containing = new List<string>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            containing.Insert(0, Declaration(outer));
        }

        var fullName = type.ToDisplayString(SymbolFormats.Type);
        return new AggregateModel(
            Emitter.HintBase(fullName.Replace("global::", string.Empty)) + Emitter.AggregateHintSuffix,
            type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            EquatableArray<string>.From(containing),
            Declaration(type),
            type.Name,
            fullName,
            AccountNames[account],
            accountParameter,
            type.GetMembers("CreateRefitSettings").OfType<IMethodSymbol>().Any(static m => m.IsStatic && m.Parameters.IsEmpty && m.ReturnType.Name == "RefitSettings"),
            EquatableArray<AggregateMember>.From(members));
    }

    /// <summary>Why <paramref name="type"/> cannot be implemented, or <see langword="null"/>; the declaration analyzer reports it.</summary>
    public static string? Problem(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.IsGenericType)
        {
            return $"'{type.Name}' is generic; an aggregate client must not be";
        }

        if (type.IsStatic)
        {
            return $"'{type.Name}' is static; an aggregate client is created per client";
        }

        for (var current = type; current is not null; current = current.ContainingType)
        {
            foreach (var reference in current.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    return current.Equals(type, SymbolEqualityComparer.Default)
                        ? $"'{type.Name}' must be declared partial so that the generator can implement it"
                        : $"'{current.Name}', which contains '{type.Name}', must be declared partial so that the generator can implement it";
                }
            }
        }

        return null;
    }

    /// <summary>The property for an interface: <c>ISupplierFulfillmentsApi</c> → <c>Fulfillments</c>.</summary>
    public static string PropertyName(string interfaceName, string account)
    {
        var name = interfaceName.Length > 1 && interfaceName[0] == 'I' && char.IsUpper(interfaceName[1]) ? interfaceName.Substring(1) : interfaceName;
        foreach (var suffix in new[] { "Api", "Client" })
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, System.StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - suffix.Length);
                break;
            }
        }

        if (account != "None" && name.Length > account.Length && name.StartsWith(account, System.StringComparison.Ordinal) && char.IsUpper(name[account.Length]))
        {
            name = name.Substring(account.Length);
        }

        return name;
    }

    private static string Declaration(INamedTypeSymbol type) =>
        (type.IsRecord ? "partial record " : type.TypeKind == TypeKind.Struct ? "partial struct " : type.TypeKind == TypeKind.Interface ? "partial interface " : "partial class ") + type.Name
        + (type.TypeParameters.IsEmpty ? string.Empty : "<" + string.Join(", ", type.TypeParameters.Select(static p => p.Name)) + ">");

    private static bool IsPublic(INamedTypeSymbol type)
    {
        for (ISymbol? current = type; current is INamedTypeSymbol named; current = named.ContainingType)
        {
            if (named.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }
        }

        return true;
    }

    public static string Escape(string identifier) => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;
}
