using Microsoft.CodeAnalysis;

namespace Cymbio.Generators;

/// <summary>One style for every Cymbio diagnostic descriptor, the declaration analyzer's and the call-site analyzers'.</summary>
internal static class Descriptors
{
    /// <summary>
    /// A descriptor enabled by default, with a description and no help link (the SDK has no public address yet; each
    /// diagnostic's page is <c>docs/diagnostics/&lt;id&gt;.md</c> in the repository).
    /// </summary>
    public static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description, params string[] customTags) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description: description, customTags: customTags);
}
