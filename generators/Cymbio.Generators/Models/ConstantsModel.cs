namespace Cymbio.Generators;

/// <summary>The scope constants model: every valid scope of the project's manifests, merged.</summary>
/// <param name="Name">The scope.</param>
/// <param name="Description">What it allows.</param>
/// <param name="Identifier">The constant's name.</param>
/// <param name="Declared">Declared by this project's manifest (and recorded in its metadata), rather than by a referenced assembly.</param>
internal sealed record ScopeConstant(string Name, string Description, string Identifier, bool Declared);

/// <summary>A generated constant's identifier and the scope it holds.</summary>
internal sealed record ConstantName(string Identifier, string Name);

/// <summary>Everything the constants file is generated from.</summary>
internal sealed record ConstantsModel(
    string Namespace,
    bool HasRuntime,
    EquatableArray<ScopeConstant> Scopes,
    EquatableArray<ManifestEnvironment> Environments,
    string? TokenPath,
    int? TokenLifetimeSeconds);
