using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Cymbio.Generators;

/// <summary>The scopes a referenced assembly's code requires, from its <c>[assembly: CymbioRequiredScopes]</c>.</summary>
internal sealed record ReferencedRequirement(string Assembly, EquatableArray<string> Scopes);

/// <summary>What <c>CymbioRequiredScopes</c> and the assembly's <c>[assembly: CymbioRequiredScopes]</c> are generated from.</summary>
/// <param name="Namespace">The namespace of the generated class (the one <c>CymbioScopes</c> is in).</param>
/// <param name="Project">The scopes this project's own calls require.</param>
/// <param name="All">The project's and its referenced assemblies' scopes together.</param>
/// <param name="Referenced">The referenced assemblies that require scopes, by name.</param>
internal sealed record RequiredScopesModel(string Namespace, EquatableArray<string> Project, EquatableArray<string> All, EquatableArray<ReferencedRequirement> Referenced);

/// <summary>Builds the required-scopes model from the calls' scopes, the manifest's constants and the references.</summary>
internal static class RequiredScopesModels
{
    /// <summary>The union of the calls' scopes, the project's own constants resolved; only well-formed scopes count.</summary>
    public static EquatableArray<string> Union(ImmutableArray<(EquatableArray<string> Scopes, EquatableArray<string> Pending)> calls, EquatableArray<ConstantName> constants)
    {
        var union = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (scopes, pending) in calls)
        {
            union.UnionWith(scopes);
            foreach (var name in pending)
            {
                if (constants.FirstOrDefault(c => c.Identifier == name) is { } constant)
                {
                    union.Add(constant.Name);
                }
            }
        }

        union.RemoveWhere(static scope => !ScopeNames.IsScopeToken(scope));
        return EquatableArray<string>.From(union);
    }

    /// <summary>The call with the project's own constants it names resolved into its scopes (for the report).</summary>
    public static ScopedCall Resolve(ScopedCall call, EquatableArray<ConstantName> constants)
    {
        if (call.Pending.IsEmpty)
        {
            return call;
        }

        var union = Union(ImmutableArray.Create((call.Scopes, call.Pending)), constants);
        return call with { Scopes = union, Pending = EquatableArray<string>.Empty };
    }

    /// <summary>The <c>[assembly: CymbioRequiredScopes]</c> of the referenced assemblies that reference Cymbio's runtime.</summary>
    public static EquatableArray<ReferencedRequirement> Referenced(Compilation compilation)
    {
        var runtime = compilation.GetTypeByMetadataName(ScopeSymbols.ScopeAttributeMetadataName)?.ContainingAssembly.Name;
        if (runtime is null)
        {
            return EquatableArray<ReferencedRequirement>.Empty;
        }

        var result = new List<ReferencedRequirement>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (!ScopeSymbols.References(assembly, runtime))
            {
                continue;
            }

            foreach (var attribute in assembly.GetAttributes())
            {
                if (ScopeSymbols.RequiredScopesOf(attribute) is { IsEmpty: false } canonical)
                {
                    result.Add(new ReferencedRequirement(assembly.Name, EquatableArray<string>.From(canonical)));
                }
            }
        }

        return EquatableArray<ReferencedRequirement>.From(result.OrderBy(static r => r.Assembly, StringComparer.Ordinal));
    }

    /// <summary>The model, or <see langword="null"/> when the compilation does not reference Cymbio's runtime.</summary>
    public static RequiredScopesModel? Create(EquatableArray<string> project, EquatableArray<ReferencedRequirement> referenced, CompilationFacts facts, string? manifestNamespace)
    {
        if (!facts.HasRuntime)
        {
            return null;
        }

        var all = new SortedSet<string>(project, StringComparer.Ordinal);
        foreach (var requirement in referenced)
        {
            all.UnionWith(requirement.Scopes);
        }

        var ns = manifestNamespace is { Length: > 0 } ? manifestNamespace : ScopeNames.ToNamespace(facts.AssemblyName);
        return new RequiredScopesModel(ns, project, EquatableArray<string>.From(all), referenced);
    }
}
