using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Cymbio.Generators;

/// <summary>The constants model: the merged manifests, then the compilation's namespace and referenced scopes.</summary>
internal static class ConstantsModels
{
    /// <summary>
    /// Completes the constants model with the compilation's facts: the namespace, and the scopes of referenced
    /// assemblies, so that the project's <c>CymbioScopes</c> is a superset of the SDK's and shadows nothing.
    /// </summary>
    public static ConstantsModel? Complete(ConstantsModel? model, CompilationFacts facts)
    {
        if (model is null)
        {
            return null;
        }

        var scopes = new List<ScopeConstant>(model.Scopes);
        if (!model.Scopes.IsEmpty)
        {
            var names = new HashSet<string>(model.Scopes.Select(static s => s.Name), StringComparer.Ordinal);
            var identifiers = new HashSet<string>(model.Scopes.Select(static s => s.Identifier), StringComparer.Ordinal) { "All" };
            foreach (var referenced in facts.ReferencedScopes)
            {
                if (names.Add(referenced.Name))
                {
                    scopes.Add(new ScopeConstant(referenced.Name, referenced.Description, Unique(ScopeNames.ToIdentifier(referenced.Name), identifiers), Declared: false));
                }
            }
        }

        return model with
        {
            Namespace = model.Namespace.Length > 0 ? model.Namespace : ScopeNames.ToNamespace(facts.AssemblyName),
            HasRuntime = facts.HasRuntime,
            Scopes = EquatableArray<ScopeConstant>.From(scopes),
        };
    }

    /// <summary>The constants model of the project's manifests, merged by <see cref="ManifestCatalog"/>'s rules.</summary>
    public static ConstantsModel? Merge(ImmutableArray<ManifestDocument> documents)
    {
        if (documents.IsDefaultOrEmpty)
        {
            return null;
        }

        // Referenced assemblies' scopes join in Complete, which also depends on the compilation; this step depends on
        // the manifests alone, so that an edit to C# code leaves it cached.
        var catalog = ManifestCatalog.Create(documents.Select(static d => (d.Path, d)), Enumerable.Empty<ReferencedScope>());
        if (catalog.Scopes.IsEmpty && catalog.Environments.IsEmpty && catalog.TokenPath is null && catalog.TokenLifetimeSeconds is null)
        {
            return null;
        }

        var identifiers = new HashSet<string>(StringComparer.Ordinal) { "All" };
        var scopes = catalog.Scopes.Select(scope => new ScopeConstant(scope.Name, scope.Description, Unique(ScopeNames.ToIdentifier(scope.Name), identifiers), Declared: true));
        return new ConstantsModel(
            catalog.Namespace ?? string.Empty,
            false,
            EquatableArray<ScopeConstant>.From(scopes),
            EquatableArray<ManifestEnvironment>.From(catalog.Environments),
            catalog.TokenPath,
            catalog.TokenLifetimeSeconds);
    }

    private static string Unique(string identifier, HashSet<string> used) =>
        UniqueNames.Reserve(used, identifier, i => identifier + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
