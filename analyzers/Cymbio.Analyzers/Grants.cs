using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Cymbio.Generators;
using Microsoft.CodeAnalysis;

namespace Cymbio.Analyzers;

/// <summary>The grants that serve a call, and where they came from.</summary>
/// <param name="Scopes">The granted scopes, canonical.</param>
/// <param name="Kind">The kind of source.</param>
/// <param name="Description">The source as a message names it.</param>
/// <param name="Location">The syntax the code fix edits (attribute, options creation); <see langword="null"/> for the manifest.</param>
/// <param name="Manifest">For the manifest: the file and its grants array.</param>
internal sealed record Grants(ImmutableArray<string> Scopes, GrantSourceKind Kind, string Description, Location? Location, ManifestGrants? Manifest = null)
{
    /// <summary>Whether every scope of <paramref name="required"/> is granted: the common case, without allocating.</summary>
    public bool Covers(ImmutableArray<string> required)
    {
        foreach (var scope in required)
        {
            if (Scopes.BinarySearch(scope, StringComparer.Ordinal) < 0)
            {
                return false;
            }
        }

        return true;
    }

    public ImmutableArray<string> Missing(ImmutableArray<string> required) =>
        required.Where(scope => Scopes.BinarySearch(scope, StringComparer.Ordinal) < 0).ToImmutableArray();

    public static string Quote(IEnumerable<string> scopes)
    {
        var list = scopes.Select(static s => "'" + s + "'").ToList();
        return list.Count switch
        {
            0 => "no scope",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " and " + list[list.Count - 1],
        };
    }
}

/// <summary>The grants of the project's <c>scopes.json</c> files.</summary>
/// <param name="Scopes">The union of their grants, canonical.</param>
/// <param name="Entries">Each grant with its file and location (for the unused-grant report).</param>
/// <param name="EditPath">The manifest a code fix adds grants to: the first with a grants array.</param>
/// <param name="Array">Where that array is, from its <c>[</c> to its <c>]</c>.</param>
internal sealed record ManifestGrants(ImmutableArray<string> Scopes, ImmutableArray<(string Scope, Location Location)> Entries, string? EditPath, TextLocation? Array)
{
    /// <summary>The grants of the project's manifests, as the catalog merged them.</summary>
    public static ManifestGrants From(ManifestCatalog catalog) => new(
        ScopeSymbols.Canonical(catalog.Grants.Select(static g => g.Grant.Name)),
        catalog.Grants.Select(static g => (g.Grant.Name, g.Grant.Location.ToLocation(g.Path))).ToImmutableArray(),
        catalog.GrantsArray?.Path,
        catalog.GrantsArray?.Array);

    /// <summary>The offset of the grants array's <c>]</c>, or -1 when there is none.</summary>
    public int ArrayEnd => Array is { } array ? array.Start + array.Length - 1 : -1;

    /// <summary>The manifest counts as a grant source when one of the project's manifests has a <c>grants</c> array.</summary>
    public Grants? AsSource() => EditPath is null
        ? null
        : new Grants(Scopes, GrantSourceKind.Manifest, "the 'grants' of scopes.json", null, this);
}
