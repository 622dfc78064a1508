using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cymbio.Generators;

/// <summary>A grant the project declares: in <c>scopes.json</c> or with <c>[CymbioGrants]</c>.</summary>
/// <param name="Scope">The granted scope.</param>
/// <param name="Source">Where it is declared, such as <c>scopes.json</c> or <c>[assembly: CymbioGrants]</c>.</param>
/// <param name="File">The file, when known.</param>
/// <param name="Line">The 1-based line, when known (0 otherwise).</param>
internal sealed record DeclaredGrant(string Scope, string Source, string File, int Line);

/// <summary>Whether the scope report is asked for (<c>-p:CymbioScopeReport=true</c>) and the project's folder, for relative paths.</summary>
internal sealed record ScopeReportOptions(bool Enabled, string ProjectDirectory)
{
    public static ScopeReportOptions From(AnalyzerConfigOptionsProvider provider)
    {
        var options = provider.GlobalOptions;
        var enabled = options.TryGetValue("build_property.CymbioScopeReport", out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        var directory = options.TryGetValue("build_property.MSBuildProjectDirectory", out var dir) ? dir ?? string.Empty : string.Empty;
        return new ScopeReportOptions(enabled, enabled ? directory : string.Empty);
    }
}

/// <summary>Everything the scope report is written from.</summary>
internal sealed record ScopeReportModel(
    string Assembly,
    string ProjectDirectory,
    RequiredScopesModel Required,
    EquatableArray<ScopedCall> Calls,
    EquatableArray<DeclaredGrant> Grants);

/// <summary>Reads the grants a project declares, for the report.</summary>
internal static class DeclaredGrants
{
    /// <summary>The manifests' <c>grants</c>, then every <c>[CymbioGrants]</c> of the assembly, its types and methods.</summary>
    public static EquatableArray<DeclaredGrant> Read(ImmutableArray<ManifestDocument> manifests, EquatableArray<ConstantName> constants, Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        var grants = new List<DeclaredGrant>();
        foreach (var manifest in manifests.OrderBy(static m => m.Path, StringComparer.Ordinal))
        {
            foreach (var grant in manifest.Grants)
            {
                grants.Add(new DeclaredGrant(grant.Name, "scopes.json", manifest.Path, grant.Location.StartLine + 1));
            }
        }

        Add(grants, compilation.Assembly, "[assembly: CymbioGrants]", constants, cancellationToken);
        var types = new Stack<INamespaceOrTypeSymbol>();
        types.Push(compilation.Assembly.GlobalNamespace);
        while (types.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in types.Pop().GetMembers())
            {
                if (member is not INamespaceOrTypeSymbol container)
                {
                    continue;
                }

                types.Push(container);
                if (container is INamedTypeSymbol type && type.Locations.Any(static l => l.IsInSource))
                {
                    Add(grants, type, $"[CymbioGrants] on '{type.Name}'", constants, cancellationToken);
                    foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
                    {
                        Add(grants, method, $"[CymbioGrants] on '{type.Name}.{method.Name}'", constants, cancellationToken);
                    }
                }
            }
        }

        return EquatableArray<DeclaredGrant>.From(grants);
    }

    private static void Add(List<DeclaredGrant> grants, ISymbol symbol, string source, EquatableArray<ConstantName> constants, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (!ScopeSymbols.IsGrantsAttribute(attribute))
            {
                continue;
            }

            var span = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation().GetLineSpan();
            foreach (var (scope, _) in ScopeSymbols.ScopeArguments(attribute, compilation: null, cancellationToken))
            {
                // A constant of the project's own CymbioScopes cannot be bound while generators run: resolved by name.
                var text = scope.Kind switch
                {
                    ScopeReferenceKind.Literal => scope.Text,
                    ScopeReferenceKind.Pending => constants.FirstOrDefault(c => c.Identifier == scope.Text)?.Name,
                    _ => null,
                };
                if (text is not null)
                {
                    grants.Add(new DeclaredGrant(text, source, span?.Path ?? string.Empty, span is { } s ? s.StartLinePosition.Line + 1 : 0));
                }
            }
        }
    }
}
