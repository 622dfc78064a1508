using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Cymbio.Analyzers.CodeFixes;

/// <summary>The diagnostics a Fix All covers, for the fixes that merge their edits instead of applying one per diagnostic.</summary>
internal static class FixAllDiagnostics
{
    /// <summary>The scopes a merging Fix All offers.</summary>
    public static readonly FixAllScope[] Scopes = { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    /// <summary>
    /// Every diagnostic with <paramref name="id"/> in the context's scope: the document's, the project's (also for the
    /// Document scope of an additional document such as <c>scopes.json</c>, which has no C# document), or every project's.
    /// </summary>
    public static async Task<List<Diagnostic>> InScopeAsync(FixAllContext context, string id)
    {
        var diagnostics = new List<Diagnostic>();
        if (context.Scope == FixAllScope.Document && context.Document is { } document)
        {
            diagnostics.AddRange(await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false));
        }
        else
        {
            var projects = context.Scope == FixAllScope.Solution ? context.Solution.Projects : new[] { context.Project };
            foreach (var project in projects)
            {
                diagnostics.AddRange(await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
            }
        }

        return diagnostics.Where(d => d.Id == id).ToList();
    }
}
