using System.Linq;
using Microsoft.CodeAnalysis;

namespace Cymbio.Analyzers.CodeFixes;

/// <summary>The <c>scopes.json</c> a fix edits, found among the solution's additional documents by its path.</summary>
internal static class ManifestDocuments
{
    /// <summary>The additional document at <paramref name="path"/>, or <see langword="null"/> when the solution has none there.</summary>
    public static TextDocument? Find(Solution solution, string path) =>
        solution.Projects.SelectMany(static p => p.AdditionalDocuments).FirstOrDefault(d => d.FilePath == path);
}
