using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Cymbio.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cymbio.Analyzers;

public sealed partial class ScopeCallAnalyzer
{
    /// <summary>
    /// CYM0019: the project's grants — <c>[assembly: CymbioGrants]</c> and the manifest's <c>grants</c> — compared with the
    /// scopes its code requires, as the generator derived them into this compilation's
    /// <c>[assembly: CymbioRequiredScopes]</c>. Reading that attribute keeps the diagnostic local to the document of the
    /// grants (no compilation-end action), so the editor computes it, and offers its fix, on demand.
    /// </summary>
    private sealed partial class CompilationState
    {
        /// <summary>
        /// The scopes the project requires (<c>CymbioRequiredScopes.All</c>), canonical; <see langword="null"/> when the
        /// generator did not run here (no <c>[assembly: CymbioRequiredScopes]</c> in the compilation), so nothing is compared.
        /// </summary>
        private ImmutableArray<string>? Required => _required.Value;

        /// <summary>Each <c>[CymbioGrants]</c> of an <c>[assembly: …]</c> list whose scopes are not exactly the required ones.</summary>
        private void CompareAssemblyGrants(SyntaxNodeAnalysisContext context, AttributeListSyntax list)
        {
            if (Required is not { } required)
            {
                return;
            }

            foreach (var attribute in _assembly.GetAttributes())
            {
                if (attribute.ApplicationSyntaxReference is not { } reference
                    || reference.SyntaxTree != list.SyntaxTree
                    || !list.Span.Contains(reference.Span)
                    || !ScopeSymbols.IsGrantsAttribute(attribute))
                {
                    continue;
                }

                var granted = new List<string>();
                foreach (var (scope, _) in ScopeSymbols.ScopeArguments(attribute, compilation: null, context.CancellationToken))
                {
                    if (scope.Kind != ScopeReferenceKind.Literal)
                    {
                        // An argument whose value cannot be read (the attribute does not compile) cannot be compared.
                        granted = null;
                        break;
                    }

                    granted.Add(scope.Text);
                }

                if (granted is not null)
                {
                    Compare(context.ReportDiagnostic, "[assembly: CymbioGrants]", ScopeSymbols.Canonical(granted), required, Location.Create(reference.SyntaxTree, reference.Span), Properties(required));
                }
            }
        }

        /// <summary>
        /// The manifest's <c>grants</c>, compared when the file is the one manifest that grants: with grants spread over
        /// several manifests, no one array can be made exactly the required set.
        /// </summary>
        public void CompareManifestGrants(AdditionalFileAnalysisContext context)
        {
            if (_manifest.EditPath is not { } path
                || _manifest.Array is not { } array
                || !string.Equals(context.AdditionalFile.Path, path, StringComparison.Ordinal)
                || _manifest.Entries.Any(e => !string.Equals(e.Location.GetLineSpan().Path, path, StringComparison.Ordinal))
                || Required is not { } required)
            {
                return;
            }

            var properties = Properties(required)
                .Add(CallSiteProperties.ManifestPath, path)
                .Add(CallSiteProperties.ManifestArrayStart, array.Start.ToString(CultureInfo.InvariantCulture))
                .Add(CallSiteProperties.ManifestArrayEnd, _manifest.ArrayEnd.ToString(CultureInfo.InvariantCulture));
            Compare(context.ReportDiagnostic, "the 'grants' of scopes.json", _manifest.Scopes, required, array.ToLocation(path), properties);
        }

        private static void Compare(Action<Diagnostic> report, string source, ImmutableArray<string> granted, ImmutableArray<string> required, Location location, ImmutableDictionary<string, string?> properties)
        {
            if (!granted.SequenceEqual(required, StringComparer.Ordinal))
            {
                report(Diagnostic.Create(CallSiteDescriptors.GrantsNotRequired, location, properties, source, Grants.Quote(granted), Grants.Quote(required)));
            }
        }

        private static ImmutableDictionary<string, string?> Properties(ImmutableArray<string> required) =>
            ImmutableDictionary<string, string?>.Empty.Add(CallSiteProperties.ProjectRequired, string.Join(" ", required));

        private static ImmutableArray<string>? ReadRequired(IAssemblySymbol assembly)
        {
            foreach (var attribute in assembly.GetAttributes())
            {
                if (ScopeSymbols.RequiredScopesOf(attribute) is { } scopes)
                {
                    return scopes;
                }
            }

            return null;
        }
    }
}
