using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Cymbio.Generators;

/// <summary>A position inside an additional file, kept as plain values so models stay equatable.</summary>
internal readonly record struct TextLocation(string Path, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static TextLocation Create(string path, SourceText text, TextSpan span)
    {
        var lines = text.Lines.GetLinePositionSpan(span);
        return new TextLocation(path, span.Start, span.Length, lines.Start.Line, lines.Start.Character, lines.End.Line, lines.End.Character);
    }

    public Location ToLocation(string? path = null) => Location.Create(
        path ?? Path,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
}

/// <summary>A problem found in a manifest: the id of the descriptor, its message arguments and where it is.</summary>
internal sealed record ManifestProblem(string DiagnosticId, EquatableArray<string> Arguments, TextLocation Location);

/// <summary>A scope declared by a manifest.</summary>
internal sealed record ManifestScope(string Name, string Description, TextLocation Location);

/// <summary>A scope granted by a manifest's <c>grants</c>.</summary>
internal sealed record ManifestGrant(string Name, TextLocation Location);

/// <summary>A named environment and its base address.</summary>
internal sealed record ManifestEnvironment(string Name, string BaseAddress);

/// <summary>Everything read from one <c>scopes.json</c>, including its problems.</summary>
internal sealed record ManifestDocument(
    string Path,
    bool IsReadable,
    string? Namespace,
    string? TokenPath,
    int? TokenLifetimeSeconds,
    EquatableArray<ManifestEnvironment> Environments,
    EquatableArray<ManifestScope> Scopes,
    EquatableArray<ManifestGrant> Grants,
    EquatableArray<ManifestProblem> Problems)
{
    /// <summary>Where the <c>grants</c> array is, from <c>[</c> to <c>]</c>, when the manifest has one (code fixes insert there).</summary>
    public TextLocation? GrantsArray { get; init; }

    public static ManifestDocument Unreadable(string path, ManifestProblem problem) => new(
        path,
        false,
        null,
        null,
        null,
        EquatableArray<ManifestEnvironment>.Empty,
        EquatableArray<ManifestScope>.Empty,
        EquatableArray<ManifestGrant>.Empty,
        EquatableArray<ManifestProblem>.Of(problem));

    /// <summary>Whether <paramref name="path"/> names a scope manifest (<c>scopes.json</c>, any folder, any case).</summary>
    public static bool IsManifestPath(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return string.Equals(name, "scopes.json", StringComparison.OrdinalIgnoreCase);
    }
}
