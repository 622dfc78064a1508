namespace Cymbio.Generators;

/// <summary>The names of the generator's pipeline steps, shared with the incremental-caching tests.</summary>
internal static class TrackingNames
{
    /// <summary>Each <c>scopes.json</c> additional file, parsed.</summary>
    public const string ManifestParsed = nameof(ManifestParsed);

    /// <summary>All manifests of the compilation merged into the constants model.</summary>
    public const string ManifestMerged = nameof(ManifestMerged);

    /// <summary>Facts about the compilation the emitters need (assembly name, runtime referenced).</summary>
    public const string CompilationFacts = nameof(CompilationFacts);

    /// <summary>The constants file model (manifest + compilation facts).</summary>
    public const string ScopeConstants = nameof(ScopeConstants);

    /// <summary>Interfaces carrying <c>[CymbioScope]</c>.</summary>
    public const string ScopedInterfaces = nameof(ScopedInterfaces);

    /// <summary>
    /// Interfaces whose methods carry <c>[CymbioScope]</c>: one transform per interface declaration with attributed
    /// methods, which reads their attributes from syntax where it can (<see cref="MethodAttributeReader"/>).
    /// </summary>
    public const string ScopedMethods = nameof(ScopedMethods);

    /// <summary>Interfaces carrying <c>[CymbioNoScope]</c>, or whose methods do.</summary>
    public const string NoScopeDeclarations = nameof(NoScopeDeclarations);

    /// <summary>Interfaces without attributes that inherit a scoped interface.</summary>
    public const string DerivedInterfaces = nameof(DerivedInterfaces);

    /// <summary>All scoped interfaces, de-duplicated.</summary>
    public const string ScopeTables = nameof(ScopeTables);

    /// <summary>The identifiers of the generated scope constants, to resolve references the compiler cannot bind yet.</summary>
    public const string ManifestConstantNames = nameof(ManifestConstantNames);

    /// <summary>Scope tables combined with the compilation facts, ready to emit.</summary>
    public const string ScopeTableSources = nameof(ScopeTableSources);

    /// <summary>The interfaces whose tables the one module initializer registers.</summary>
    public const string ScopeTableRegistrations = nameof(ScopeTableRegistrations);

    /// <summary>Classes carrying <c>[CymbioAggregate]</c>, read into aggregate models.</summary>
    public const string Aggregates = nameof(Aggregates);

    /// <summary>Calls and method groups that require scopes, with where they are (<see cref="ScopedCallReader"/>).</summary>
    public const string ScopedCalls = nameof(ScopedCalls);

    /// <summary>The scopes of each scoped call without its location, so that moving a call re-emits nothing.</summary>
    public const string CallScopes = nameof(CallScopes);

    /// <summary>The union of the scopes this project's calls require.</summary>
    public const string ProjectRequiredScopes = nameof(ProjectRequiredScopes);

    /// <summary>The <c>[assembly: CymbioRequiredScopes]</c> of the referenced assemblies.</summary>
    public const string ReferencedRequiredScopes = nameof(ReferencedRequiredScopes);

    /// <summary>The required-scopes file model.</summary>
    public const string RequiredScopes = nameof(RequiredScopes);

    /// <summary>The grants the project declares, for the scope report (read only when the report is asked for).</summary>
    public const string DeclaredGrants = nameof(DeclaredGrants);

    /// <summary>The scope report model (only when <c>CymbioScopeReport</c> is <c>true</c>).</summary>
    public const string ScopeReport = nameof(ScopeReport);

    /// <summary>The steps that depend on <c>scopes.json</c> only.</summary>
    public static readonly string[] ManifestSteps = { ManifestParsed, ManifestMerged, ScopeConstants, ManifestConstantNames };

    /// <summary>Every named step.</summary>
    public static readonly string[] All =
    {
        ManifestParsed, ManifestMerged, CompilationFacts, ScopeConstants,
        ScopedInterfaces, ScopedMethods, NoScopeDeclarations, DerivedInterfaces, ScopeTables, ManifestConstantNames, ScopeTableSources, ScopeTableRegistrations, Aggregates,
        ScopedCalls, CallScopes, ProjectRequiredScopes, ReferencedRequiredScopes, RequiredScopes, DeclaredGrants, ScopeReport,
    };
}
