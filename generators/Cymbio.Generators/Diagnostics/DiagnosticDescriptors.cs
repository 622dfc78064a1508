using Microsoft.CodeAnalysis;

namespace Cymbio.Generators;

/// <summary>The ids of the diagnostics reported for manifests and scope declarations.</summary>
public static class DiagnosticIds
{
    /// <summary>A <c>scopes.json</c> cannot be read: empty, or not valid JSON.</summary>
    public const string ManifestUnreadable = "CYM0001";

    /// <summary>A manifest value has the wrong type, an invalid value, or is duplicated or missing.</summary>
    public const string ManifestInvalidValue = "CYM0002";

    /// <summary>A manifest member is not part of the manifest format.</summary>
    public const string ManifestUnknownMember = "CYM0003";

    /// <summary>A scope name in a manifest is not a valid scope.</summary>
    public const string InvalidScopeName = "CYM0004";

    /// <summary>A scope is declared or granted twice.</summary>
    public const string DuplicateScope = "CYM0005";

    /// <summary>A scope used in [CymbioScope] or [CymbioGrants] or granted by a manifest is declared by no known manifest.</summary>
    public const string UnknownScope = "CYM0006";

    /// <summary>A method has a scope requirement but no Refit HTTP attribute.</summary>
    public const string ScopedMethodWithoutHttpAttribute = "CYM0007";

    /// <summary>A Refit method in a scoped interface has no scope requirement.</summary>
    public const string MissingRequirement = "CYM0008";

    /// <summary>Overloads that the runtime cannot tell apart require different scopes.</summary>
    public const string IndistinguishableOverloads = "CYM0009";

    /// <summary>A <c>write:</c> scope is required by a GET or HEAD operation.</summary>
    public const string WriteScopeOnSafeMethod = "CYM0010";

    /// <summary>Only <c>read:</c> scopes are required by a mutating operation.</summary>
    public const string ReadScopesOnUnsafeMethod = "CYM0011";

    /// <summary>A <c>[CymbioAggregate]</c> class the generator cannot implement.</summary>
    public const string InvalidAggregate = "CYM0018";
}

/// <summary>The descriptors of the diagnostics reported for manifests and scope declarations.</summary>
internal static class DiagnosticDescriptors
{
    private const string ManifestCategory = "Cymbio.Manifest";
    private const string DeclarationCategory = "Cymbio.Declaration";

    public static readonly DiagnosticDescriptor ManifestUnreadable = Descriptors.Create(
        DiagnosticIds.ManifestUnreadable,
        "Scope manifest cannot be read",
        "scopes.json cannot be read: {0}",
        ManifestCategory,
        DiagnosticSeverity.Error,
        "A scopes.json additional file must hold one JSON object. While it cannot be read, none of its scopes are generated or known.");

    public static readonly DiagnosticDescriptor ManifestInvalidValue = Descriptors.Create(
        DiagnosticIds.ManifestInvalidValue,
        "Scope manifest value is invalid",
        "scopes.json: {0}",
        ManifestCategory,
        DiagnosticSeverity.Error,
        "A member of scopes.json has the wrong type or an invalid value, or appears twice. The value is ignored; the rest of the manifest is still used.");

    public static readonly DiagnosticDescriptor ManifestUnknownMember = Descriptors.Create(
        DiagnosticIds.ManifestUnknownMember,
        "Unknown scope manifest member",
        "scopes.json: '{0}' is not a member of the manifest format and is ignored{1}",
        ManifestCategory,
        DiagnosticSeverity.Warning,
        "The manifest format has a fixed set of members (see scopes.schema.json); an unknown one is usually a typo.");

    public static readonly DiagnosticDescriptor InvalidScopeName = Descriptors.Create(
        DiagnosticIds.InvalidScopeName,
        "Invalid scope name",
        "'{0}' is not a valid scope: {1}",
        ManifestCategory,
        DiagnosticSeverity.Error,
        "A Cymbio scope is 'read:<resource>' or 'write:<resource>'; the resource is made of letters, digits, '.', '_' and '-'. The entry is ignored.");

    public static readonly DiagnosticDescriptor DuplicateScope = Descriptors.Create(
        DiagnosticIds.DuplicateScope,
        "Duplicate scope",
        "'{0}' appears more than once in '{1}'; the first, at {2}, is used",
        ManifestCategory,
        DiagnosticSeverity.Error,
        "Every scope is declared once, and granted once.");

    public static readonly DiagnosticDescriptor UnknownScope = Descriptors.Create(
        DiagnosticIds.UnknownScope,
        "Unknown scope",
        "Unknown scope '{0}'{1}",
        DeclarationCategory,
        DiagnosticSeverity.Error,
        "Every scope named in [CymbioScope], in [CymbioGrants] or in a manifest's grants must be declared by a scopes.json of the project or of a referenced assembly. Scopes are case-sensitive.");

    public static readonly DiagnosticDescriptor ScopedMethodWithoutHttpAttribute = Descriptors.Create(
        DiagnosticIds.ScopedMethodWithoutHttpAttribute,
        "Scoped method has no HTTP attribute",
        "'{0}' has a scope requirement but no Refit HTTP attribute such as [Get] or [Post], so Refit never calls it and the requirement has no effect",
        DeclarationCategory,
        DiagnosticSeverity.Warning,
        "Scope requirements apply to Refit operations. A method of a scoped interface without an HTTP attribute is not an operation.");

    public static readonly DiagnosticDescriptor MissingRequirement = Descriptors.Create(
        DiagnosticIds.MissingRequirement,
        "Operation declares no scope requirement",
        "'{0}' is an operation of the scoped interface '{1}' but declares no scope requirement, so the runtime refuses its calls; add [CymbioScope] with its scopes, or [CymbioNoScope] if it needs none, to the method or an interface",
        DeclarationCategory,
        DiagnosticSeverity.Warning,
        "In an interface that declares scopes, every operation must declare what it needs: [CymbioScope] with scopes, or [CymbioNoScope]. One that declares nothing (or an empty [CymbioScope]) would otherwise be sent with any grants; the runtime refuses it instead.");

    public static readonly DiagnosticDescriptor IndistinguishableOverloads = Descriptors.Create(
        DiagnosticIds.IndistinguishableOverloads,
        "Overloads cannot be told apart at run time",
        "Overloads of '{0}' share the HTTP method and route '{1}' but require different scopes ({2} and {3}); at run time a call to either requires both",
        DeclarationCategory,
        DiagnosticSeverity.Warning,
        "The runtime finds an operation by interface, method name, HTTP method and route template. Overloads that agree on all four cannot be told apart, so the runtime requires the union of their scopes.");

    public static readonly DiagnosticDescriptor WriteScopeOnSafeMethod = Descriptors.Create(
        DiagnosticIds.WriteScopeOnSafeMethod,
        "Write scope on a read-only operation",
        "'{0}' is a {1} operation but requires '{2}'; a read-only request usually needs only read: scopes",
        DeclarationCategory,
        DiagnosticSeverity.Info,
        "GET and HEAD requests do not change state, so requiring a write: scope is usually a mistake that over-grants the token.");

    public static readonly DiagnosticDescriptor ReadScopesOnUnsafeMethod = Descriptors.Create(
        DiagnosticIds.ReadScopesOnUnsafeMethod,
        "Only read scopes on a mutating operation",
        "'{0}' is a {1} operation but requires only read: scopes ({2}); Cymbio will likely refuse it without a write: scope",
        DeclarationCategory,
        DiagnosticSeverity.Info,
        "POST, PUT, PATCH and DELETE requests change state, so they usually need a write: scope.");

    public static readonly DiagnosticDescriptor InvalidAggregate = Descriptors.Create(
        DiagnosticIds.InvalidAggregate,
        "Aggregate client cannot be generated",
        "'{0}' cannot be generated as an aggregate client: {1}",
        DeclarationCategory,
        DiagnosticSeverity.Error,
        "The generator implements a class with [CymbioAggregate] in a second partial declaration: the class and every class it is nested in must be partial, it must be neither generic nor static, and every type the attribute names must be an interface. Otherwise nothing is generated and the class has none of its clients.");

    public static DiagnosticDescriptor? ForId(string id) => id switch
    {
        DiagnosticIds.ManifestUnreadable => ManifestUnreadable,
        DiagnosticIds.ManifestInvalidValue => ManifestInvalidValue,
        DiagnosticIds.ManifestUnknownMember => ManifestUnknownMember,
        DiagnosticIds.InvalidScopeName => InvalidScopeName,
        DiagnosticIds.DuplicateScope => DuplicateScope,
        DiagnosticIds.UnknownScope => UnknownScope,
        _ => null,
    };
}
