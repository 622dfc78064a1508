using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cymbio.Generators;

/// <summary>
/// The scopes one compilation knows, as the generator and every analyzer see them: the project's <c>scopes.json</c>
/// files merged once, and the scopes referenced assemblies declare, read by one reader
/// (<see cref="ScopeSymbols.ReferencedScopes"/>).
/// </summary>
/// <remarks>
/// Manifests are merged in ordinal path order, so file order never matters: the first declaration of a scope, of an
/// environment (by the identifier its constant gets), of the namespace or of a token setting wins. A later declaration
/// of the same scope is reported (CYM0005) by the declaration analyzer; later environments and settings are ignored.
/// </remarks>
internal sealed class ManifestCatalog
{
    /// <summary>One parse per manifest text for every analyzer of a compilation (the compiler caches by text).</summary>
    public static readonly SourceTextValueProvider<ManifestDocument> Provider =
        new(static text => ManifestParser.Parse(string.Empty, text, CancellationToken.None));

    private readonly Dictionary<string, (string Path, TextLocation Location)> _firstDeclaration;
    private readonly HashSet<string> _known;

    private ManifestCatalog(
        ImmutableArray<(string Path, ManifestDocument Document)> manifests,
        ImmutableArray<ReferencedScope> referencedScopes)
    {
        Manifests = manifests;
        ReferencedScopes = referencedScopes;
        _firstDeclaration = new Dictionary<string, (string, TextLocation)>(StringComparer.Ordinal);
        _known = new HashSet<string>(referencedScopes.Select(static s => s.Name), StringComparer.Ordinal);
        var scopes = ImmutableArray.CreateBuilder<ManifestScope>();
        var environments = ImmutableArray.CreateBuilder<ManifestEnvironment>();
        var environmentIdentifiers = new HashSet<string>(StringComparer.Ordinal) { "TokenPath", "TokenLifetimeSeconds" };
        var grants = ImmutableArray.CreateBuilder<(ManifestGrant, string)>();
        foreach (var (path, document) in manifests)
        {
            AnyUnreadable |= !document.IsReadable;
            Namespace ??= document.Namespace;
            TokenPath ??= document.TokenPath;
            TokenLifetimeSeconds ??= document.TokenLifetimeSeconds;
            foreach (var scope in document.Scopes)
            {
                _known.Add(scope.Name);
                if (!_firstDeclaration.ContainsKey(scope.Name))
                {
                    _firstDeclaration.Add(scope.Name, (path, scope.Location));
                    scopes.Add(scope);
                }
            }

            foreach (var environment in document.Environments)
            {
                if (environmentIdentifiers.Add(ScopeNames.ToIdentifier(environment.Name)))
                {
                    environments.Add(environment);
                }
            }

            foreach (var grant in document.Grants)
            {
                grants.Add((grant, path));
            }

            if (GrantsArray is null && document.GrantsArray is { } array)
            {
                GrantsArray = (path, array);
            }
        }

        Scopes = scopes.ToImmutable();
        Environments = environments.ToImmutable();
        Grants = grants.ToImmutable();
    }

    /// <summary>Gets the project's manifests with the path of each, in ordinal path order.</summary>
    public ImmutableArray<(string Path, ManifestDocument Document)> Manifests { get; }

    /// <summary>Gets the scopes referenced assemblies declare.</summary>
    public ImmutableArray<ReferencedScope> ReferencedScopes { get; }

    /// <summary>Gets the project's own scopes, each from its first declaration, in merge order.</summary>
    public ImmutableArray<ManifestScope> Scopes { get; }

    /// <summary>Gets the project's environments, the first of each identifier, in merge order.</summary>
    public ImmutableArray<ManifestEnvironment> Environments { get; }

    /// <summary>Gets every grant of every manifest (repeats included, for the unused-grant report), with its manifest, in merge order.</summary>
    public ImmutableArray<(ManifestGrant Grant, string Path)> Grants { get; }

    /// <summary>Gets the first manifest with a <c>grants</c> array and where that array is: code fixes add grants there.</summary>
    public (string Path, TextLocation Array)? GrantsArray { get; }

    /// <summary>Gets the first manifest's namespace, if any declares one.</summary>
    public string? Namespace { get; }

    /// <summary>Gets the first manifest's token path, if any declares one.</summary>
    public string? TokenPath { get; }

    /// <summary>Gets the first manifest's token lifetime, if any declares one.</summary>
    public int? TokenLifetimeSeconds { get; }

    /// <summary>Gets a value indicating whether a manifest of the project cannot be read (CYM0001): its scopes are unknown.</summary>
    public bool AnyUnreadable { get; }

    /// <summary>Gets a value indicating whether scope names can be checked: the project has a manifest or knows a scope.</summary>
    public bool CanCheck => _known.Count > 0 || !Manifests.IsEmpty;

    /// <summary>Gets every known scope (the project's and referenced assemblies'), in ordinal order.</summary>
    public IEnumerable<string> KnownScopes => _known.OrderBy(static s => s, StringComparer.Ordinal);

    /// <summary>Merges <paramref name="manifests"/> (in any order) with the scopes of referenced assemblies.</summary>
    public static ManifestCatalog Create(IEnumerable<(string Path, ManifestDocument Document)> manifests, IEnumerable<ReferencedScope> referencedScopes) =>
        new(
            manifests.OrderBy(static m => m.Path, StringComparer.Ordinal).ToImmutableArray(),
            referencedScopes.ToImmutableArray());

    /// <summary>The catalog of an analyzer's compilation: its <c>scopes.json</c> additional files and referenced assemblies.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1012:Start action has no registered actions", Justification = "A helper of the analyzers' start actions: it reads the context's files and parse cache, the callers register the actions.")]
    public static ManifestCatalog Read(CompilationStartAnalysisContext start)
    {
        var manifests = new List<(string, ManifestDocument)>();
        foreach (var file in start.Options.AdditionalFiles)
        {
            if (!ManifestDocument.IsManifestPath(file.Path))
            {
                continue;
            }

            // A file that cannot be read is an unreadable manifest (CYM0001), not an absent one.
            var text = file.GetText(start.CancellationToken);
            var document = text is null
                ? ManifestParser.Parse(string.Empty, null, start.CancellationToken)
                : start.TryGetValue(text, Provider, out var cached) ? cached : ManifestParser.Parse(string.Empty, text, start.CancellationToken);
            manifests.Add((file.Path, document));
        }

        return Create(manifests, ScopeSymbols.ReferencedScopes(start.Compilation));
    }

    /// <summary>Whether a manifest of the project or a referenced assembly declares <paramref name="scope"/>.</summary>
    public bool IsKnown(string scope) => _known.Contains(scope);

    /// <summary>The manifest and place where <paramref name="scope"/> is first declared by the project.</summary>
    public bool TryGetFirstDeclaration(string scope, out string path, out TextLocation location)
    {
        if (_firstDeclaration.TryGetValue(scope, out var first))
        {
            (path, location) = first;
            return true;
        }

        path = string.Empty;
        location = default;
        return false;
    }

    /// <summary>The document read from the manifest at <paramref name="path"/>, if it is one of the project's.</summary>
    public ManifestDocument? Find(string path)
    {
        foreach (var manifest in Manifests)
        {
            if (string.Equals(manifest.Path, path, StringComparison.Ordinal))
            {
                return manifest.Document;
            }
        }

        return null;
    }
}
