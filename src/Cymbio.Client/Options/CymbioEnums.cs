namespace Cymbio;

/// <summary>The Cymbio environment a client talks to.</summary>
public enum CymbioEnvironment
{
    /// <summary>Production, <c>https://api.cym.bio/</c>.</summary>
    Production,

    /// <summary>Staging, <c>https://cymbio3-api-staging.cym.bio/</c>.</summary>
    Staging,

    /// <summary>A custom base address, given by <see cref="CymbioClientOptions.BaseAddress"/> (the emulator, for example).</summary>
    Custom,
}

/// <summary>The OAuth2 grant used to obtain tokens.</summary>
public enum CymbioGrantType
{
    /// <summary>The resource owner password grant (RFC 6749 §4.3), which Cymbio's own clients use. Legacy per RFC 9700.</summary>
    Password,

    /// <summary>The client credentials grant (RFC 6749 §4.4).</summary>
    ClientCredentials,
}

/// <summary>Which scopes a token is requested for.</summary>
public enum CymbioScopeStrategy
{
    /// <summary>One token carrying every granted scope, shared by all operations (fewest token requests).</summary>
    AllGranted,

    /// <summary>One token per requirement set: each operation's token carries only the scopes it needs (RFC 9700 §2.3).</summary>
    LeastPrivilege,

    /// <summary>
    /// One token carrying exactly the scopes the application's code requires, as derived at build time
    /// (<see cref="CymbioRequiredScopesAttribute"/>), rather than every configured grant.
    /// </summary>
    Required,
}
