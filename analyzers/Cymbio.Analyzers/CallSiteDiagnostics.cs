using Cymbio.Generators;
using Microsoft.CodeAnalysis;

namespace Cymbio.Analyzers;

/// <summary>The ids of the call-site diagnostics.</summary>
public static class CallSiteDiagnosticIds
{
    /// <summary>A call requires scopes that the grants serving it do not include.</summary>
    public const string MissingScopes = "CYM0012";

    /// <summary>A scoped call has no grant source at all.</summary>
    public const string NoGrantSource = "CYM0013";

    /// <summary>A declared grant is required by no call in the project.</summary>
    public const string UnusedGrant = "CYM0014";

    /// <summary>The resource owner password credentials grant is configured.</summary>
    public const string PasswordGrant = "CYM0015";

    /// <summary>A credential or token is placed in a query string or path.</summary>
    public const string CredentialInUrl = "CYM0016";

    /// <summary>A call reaches an endpoint whose path was inferred, not seen in any Cymbio source.</summary>
    public const string InferredEndpoint = "CYM0017";

    /// <summary>The project's grants (<c>[assembly: CymbioGrants]</c> or the manifest's) are not the scopes its code requires.</summary>
    public const string GrantsNotRequired = "CYM0019";
}

/// <summary>The names of the properties that <see cref="CallSiteDiagnosticIds.MissingScopes"/> carries for its code fixes.</summary>
public static class CallSiteProperties
{
    /// <summary>The missing scopes, space-separated.</summary>
    public const string Missing = "Missing";

    /// <summary>Every scope the call requires, space-separated.</summary>
    public const string Required = "Required";

    /// <summary>The kind of the grant source (<see cref="GrantSourceKind"/>).</summary>
    public const string SourceKind = "SourceKind";

    /// <summary>For a manifest source: the path of the <c>scopes.json</c>.</summary>
    public const string ManifestPath = "ManifestPath";

    /// <summary>For a manifest source: the character offset of the <c>grants</c> array's <c>]</c>.</summary>
    public const string ManifestArrayEnd = "ManifestArrayEnd";

    /// <summary>CYM0019 on the manifest: the character offset of the <c>grants</c> array's <c>[</c>.</summary>
    public const string ManifestArrayStart = "ManifestArrayStart";

    /// <summary>
    /// CYM0019: every scope the project requires (the generator's <c>[assembly: CymbioRequiredScopes]</c>: its own calls
    /// and its references' requirements), space-separated, possibly empty.
    /// </summary>
    public const string ProjectRequired = "ProjectRequired";

    /// <summary>Present when the call sits directly in a method that a <c>[CymbioScope]</c> can be added to.</summary>
    public const string CanPropagate = "CanPropagate";
}

/// <summary>Where the grants that serve a call came from.</summary>
public enum GrantSourceKind
{
    /// <summary>The <c>Grants</c> of the <c>CymbioClientOptions</c> behind the receiver (additional location: the object creation).</summary>
    Options,

    /// <summary>The <c>[CymbioGrants]</c> of a token-provider type behind the receiver (additional location: the attribute).</summary>
    ProviderType,

    /// <summary>A <c>[CymbioScope]</c> on the enclosing method: the requirement propagated to its callers (additional location: the attribute).</summary>
    Propagated,

    /// <summary>A <c>[CymbioGrants]</c> on the enclosing method, type or assembly (additional location: the attribute).</summary>
    Attribute,

    /// <summary>The <c>grants</c> of the project's <c>scopes.json</c>.</summary>
    Manifest,
}

/// <summary>The descriptors of the call-site diagnostics.</summary>
internal static class CallSiteDescriptors
{
    private const string ScopesCategory = "Cymbio.Scopes";
    private const string SecurityCategory = "Cymbio.Security";
    private const string ApiCategory = "Cymbio.Api";

    public static readonly DiagnosticDescriptor MissingScopes = Descriptors.Create(
        CallSiteDiagnosticIds.MissingScopes,
        "Call needs scopes its grants do not include",
        "'{0}' requires {1}, which is not granted by {2}",
        ScopesCategory,
        DiagnosticSeverity.Warning,
        "The token that serves this call will not carry every scope the operation requires, so Cymbio answers 403 (or the runtime refuses the call before sending it). Grant the missing scopes where the grants come from, or require them from the callers with [CymbioScope] on the enclosing method.");

    public static readonly DiagnosticDescriptor NoGrantSource = Descriptors.Create(
        CallSiteDiagnosticIds.NoGrantSource,
        "No grants known for a scoped call",
        "'{0}' requires {1}, but no grants are known here: declare them with [CymbioGrants] on the method, type or assembly, or in the 'grants' of scopes.json",
        ScopesCategory,
        DiagnosticSeverity.Warning,
        "Without a grant source the call cannot be checked. The grants come from the client options traced to the receiver, [CymbioScope] or [CymbioGrants] on the enclosing code, or the project's scopes.json.");

    public static readonly DiagnosticDescriptor UnusedGrant = Descriptors.Create(
        CallSiteDiagnosticIds.UnusedGrant,
        "Grant not used by any call",
        "'{0}' is granted by {1} but no call in this project requires it",
        ScopesCategory,
        DiagnosticSeverity.Info,
        "Granting scopes that nothing uses widens what a leaked token can do (least privilege). Remove the grant unless code outside this project relies on it.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor GrantsNotRequired = Descriptors.Create(
        CallSiteDiagnosticIds.GrantsNotRequired,
        "Grants are not the scopes the code requires",
        "{0} grants {1}, but the code requires {2}",
        ScopesCategory,
        DiagnosticSeverity.Info,
        "The project's grants should be exactly the scopes its calls require (CymbioRequiredScopes.All, which the generator derives from the code and the referenced assemblies): a grant nothing needs widens what a leaked token can do, a missing one fails the calls that need it. The code fix writes exactly the required set.");

    public static readonly DiagnosticDescriptor PasswordGrant = Descriptors.Create(
        CallSiteDiagnosticIds.PasswordGrant,
        "Password grant configured",
        "{0} configures the resource owner password credentials grant, which OAuth 2.0 Security BCP (RFC 9700 §2.4) says must not be used; prefer client_credentials where Cymbio allows it",
        SecurityCategory,
        DiagnosticSeverity.Info,
        "The password grant hands a user's password to the client. Cymbio documents it, so it stays supported, but client credentials keep user passwords out of the application.");

    public static readonly DiagnosticDescriptor CredentialInUrl = Descriptors.Create(
        CallSiteDiagnosticIds.CredentialInUrl,
        "Credential in a URL",
        "{0} puts a credential in the {1}, where proxies, server logs and browser history keep it; send it in a header or the body",
        SecurityCategory,
        DiagnosticSeverity.Warning,
        "Access tokens must not travel in URIs (RFC 6750 §5.3, RFC 9700 §4.3.2); neither should passwords, client secrets or refresh tokens. Cymbio's handler sends the token in the Authorization header.");

    public static readonly DiagnosticDescriptor InferredEndpoint = Descriptors.Create(
        CallSiteDiagnosticIds.InferredEndpoint,
        "Call to an inferred Cymbio endpoint",
        "'{0}' calls Cymbio endpoint {1}, whose method and path are a reconstruction that no public Cymbio source shows; check them against your account's Cymbio documentation",
        ApiCategory,
        DiagnosticSeverity.Info,
        "Cymbio publishes no per-endpoint reference. Endpoints marked [CymbioEndpoint(..., CymbioEvidence.Inferred)] are consistent with the confirmed ones but have not been seen in use, so Cymbio may answer 404 for them.");
}
