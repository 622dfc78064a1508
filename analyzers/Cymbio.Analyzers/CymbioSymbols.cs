using System.Collections.Immutable;
using Cymbio.Generators;
using Microsoft.CodeAnalysis;

namespace Cymbio.Analyzers;

/// <summary>The Cymbio and Refit types the call-site analyzers look for, resolved once per compilation.</summary>
internal sealed class CymbioSymbols
{
    private CymbioSymbols(Compilation compilation, INamedTypeSymbol scopeAttribute)
    {
        ScopeAttribute = scopeAttribute;

        // Cymbio's own types live beside the attribute, in Cymbio.Client: one assembly to look in, where the
        // compilation's lookup searches every reference (about 200 in an ASP.NET Core project) for each name.
        var cymbio = scopeAttribute.ContainingAssembly;
        GrantsAttribute = cymbio.GetTypeByMetadataName(ScopeSymbols.GrantsAttributeMetadataName);
        Client = cymbio.GetTypeByMetadataName("Cymbio.CymbioClient");
        Options = cymbio.GetTypeByMetadataName("Cymbio.CymbioClientOptions");
        TokenProvider = cymbio.GetTypeByMetadataName("Cymbio.CymbioTokenProvider");
        TokenProviderInterface = cymbio.GetTypeByMetadataName("Cymbio.ICymbioTokenProvider");
        Handler = cymbio.GetTypeByMetadataName("Cymbio.CymbioAuthenticationHandler");
        Token = cymbio.GetTypeByMetadataName("Cymbio.CymbioToken");
        GrantType = cymbio.GetTypeByMetadataName("Cymbio.CymbioGrantType");
        ScopeSet = cymbio.GetTypeByMetadataName(ScopeSymbols.ScopeSetMetadataName);
        EndpointAttribute = cymbio.GetTypeByMetadataName("Cymbio.CymbioEndpointAttribute");
        Aggregate = cymbio.GetTypeByMetadataName("Cymbio.ICymbioAggregate`1");
        HttpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
        RestService = compilation.GetTypeByMetadataName("Refit.RestService");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        GrantsProperty = Member<IPropertySymbol>(Options, "Grants");
        PasswordProperty = Member<IPropertySymbol>(Options, "Password");
        UsernameProperty = Member<IPropertySymbol>(Options, "Username");
        GrantTypeProperty = Member<IPropertySymbol>(Options, "GrantType");
        ClientSecretProperty = Member<IPropertySymbol>(Options, "ClientSecret");
        AccessTokenProperty = Member<IPropertySymbol>(Token, "AccessToken");
        var secrets = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var secret in new ISymbol?[] { PasswordProperty, ClientSecretProperty, AccessTokenProperty, Member<IPropertySymbol>(Token, "RefreshToken") })
        {
            if (secret is not null)
            {
                secrets.Add(secret);
            }
        }

        SecretProperties = secrets.ToImmutable();
    }

    public INamedTypeSymbol ScopeAttribute { get; }

    public INamedTypeSymbol? GrantsAttribute { get; }

    public INamedTypeSymbol? Client { get; }

    public INamedTypeSymbol? Options { get; }

    public INamedTypeSymbol? TokenProvider { get; }

    public INamedTypeSymbol? TokenProviderInterface { get; }

    public INamedTypeSymbol? Handler { get; }

    public INamedTypeSymbol? Token { get; }

    public INamedTypeSymbol? GrantType { get; }

    public INamedTypeSymbol? ScopeSet { get; }

    public INamedTypeSymbol? EndpointAttribute { get; }

    /// <summary><c>ICymbioAggregate&lt;TSelf&gt;</c>, which every generated aggregate client implements.</summary>
    public INamedTypeSymbol? Aggregate { get; }

    public INamedTypeSymbol? HttpClient { get; }

    public INamedTypeSymbol? RestService { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public IPropertySymbol? GrantsProperty { get; }

    public IPropertySymbol? PasswordProperty { get; }

    public IPropertySymbol? UsernameProperty { get; }

    public IPropertySymbol? GrantTypeProperty { get; }

    public IPropertySymbol? ClientSecretProperty { get; }

    public IPropertySymbol? AccessTokenProperty { get; }

    /// <summary>Properties whose value is a credential: the client secret, the password, access and refresh tokens.</summary>
    public ImmutableHashSet<ISymbol> SecretProperties { get; }

    /// <summary>The symbols, or <see langword="null"/> when the compilation does not reference Cymbio.Client.</summary>
    public static CymbioSymbols? Create(Compilation compilation) =>
        compilation.GetTypeByMetadataName(ScopeSymbols.ScopeAttributeMetadataName) is { } scopeAttribute
            ? new CymbioSymbols(compilation, scopeAttribute)
            : null;

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

    /// <summary>Whether <paramref name="type"/> is a generated aggregate client or one of its nested clients.</summary>
    public bool IsAggregateOrPart(ITypeSymbol? type)
    {
        if (Aggregate is null)
        {
            return false;
        }

        for (var current = type as INamedTypeSymbol; current is not null; current = current.ContainingType)
        {
            foreach (var implemented in current.Interfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, Aggregate))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public bool IsSecret(ISymbol? symbol) => symbol is not null && SecretProperties.Contains(symbol.OriginalDefinition);

    private static T? Member<T>(INamedTypeSymbol? type, string name)
        where T : class, ISymbol
    {
        if (type is null)
        {
            return null;
        }

        foreach (var member in type.GetMembers(name))
        {
            if (member is T typed)
            {
                return typed;
            }
        }

        return null;
    }
}
