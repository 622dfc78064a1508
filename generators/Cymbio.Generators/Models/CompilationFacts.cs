namespace Cymbio.Generators;

/// <summary>A scope declared by a referenced assembly's manifest (<c>[assembly: CymbioScopeDefinition]</c>).</summary>
internal sealed record ReferencedScope(string Name, string Description);

/// <summary>Facts about the compilation the emitters depend on.</summary>
internal sealed record CompilationFacts(string? AssemblyName, bool HasRuntime, bool HasModuleInitializer, EquatableArray<ReferencedScope> ReferencedScopes);
