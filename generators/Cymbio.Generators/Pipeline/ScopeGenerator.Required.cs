using System.Linq;
using Microsoft.CodeAnalysis;

namespace Cymbio.Generators;

public sealed partial class ScopeGenerator
{
    /// <summary>
    /// The scopes the project's code requires: every scoped call, reduced to its scopes and united, into
    /// <c>CymbioRequiredScopes</c> and <c>[assembly: CymbioRequiredScopes]</c>; with <c>CymbioScopeReport</c> set, the
    /// calls with their locations and the declared grants into the scope report.
    /// </summary>
    private static void InitializeRequiredScopes(
        IncrementalGeneratorInitializationContext context,
        IncrementalValueProvider<CompilationFacts> facts,
        IncrementalValueProvider<ConstantsModel?> constants,
        IncrementalValueProvider<EquatableArray<ConstantName>> constantNames,
        IncrementalValuesProvider<ManifestDocument> manifests)
    {
        // Only calls whose method name may be scoped are bound (ScopedNames); the rest cost a name lookup.
        var calls = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => ScopedCallReader.IsCandidate(node),
                static (ctx, cancellationToken) => ScopedCallReader.Read(ctx, cancellationToken))
            .Where(static call => call is not null)
            .Select(static (call, _) => call!)
            .WithTrackingName(TrackingNames.ScopedCalls);

        // Without the location: an edit that moves calls but changes none leaves everything after this step cached.
        var callScopes = calls
            .Select(static (call, _) => (call.Scopes, call.Pending))
            .WithTrackingName(TrackingNames.CallScopes);

        var project = callScopes.Collect()
            .Combine(constantNames)
            .Select(static (pair, _) => RequiredScopesModels.Union(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ProjectRequiredScopes);

        var referenced = context.CompilationProvider
            .Select(static (compilation, _) => RequiredScopesModels.Referenced(compilation))
            .WithTrackingName(TrackingNames.ReferencedRequiredScopes);

        var required = project.Combine(referenced).Combine(facts).Combine(constants.Select(static (model, _) => model?.Namespace))
            .Select(static (all, _) => RequiredScopesModels.Create(all.Left.Left.Left, all.Left.Left.Right, all.Left.Right, all.Right))
            .WithTrackingName(TrackingNames.RequiredScopes);

        context.RegisterSourceOutput(required, static (spc, model) =>
        {
            if (model is not null)
            {
                spc.AddSource(Emitter.RequiredScopesHintName, Emitter.EmitRequiredScopes(model));
            }
        });

        // The report: nothing is read or kept unless it is asked for.
        var reportOptions = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ScopeReportOptions.From(provider));

        var grants = context.CompilationProvider.Combine(reportOptions).Combine(manifests.Collect()).Combine(constantNames)
            .Select(static (all, cancellationToken) => all.Left.Left.Right.Enabled
                ? DeclaredGrants.Read(all.Left.Right, all.Right, all.Left.Left.Left, cancellationToken)
                : EquatableArray<DeclaredGrant>.Empty)
            .WithTrackingName(TrackingNames.DeclaredGrants);

        var report = calls.Collect().Combine(reportOptions).Combine(required).Combine(grants).Combine(constantNames).Combine(facts)
            .Select(static (all, _) =>
            {
                var options = all.Left.Left.Left.Left.Right;
                var model = all.Left.Left.Left.Right;
                if (!options.Enabled || model is null)
                {
                    return null;
                }

                var ordered = all.Left.Left.Left.Left.Left
                    .Select(call => RequiredScopesModels.Resolve(call, all.Left.Right))
                    .OrderBy(static call => call.File, System.StringComparer.Ordinal)
                    .ThenBy(static call => call.Line);
                return new ScopeReportModel(all.Right.AssemblyName ?? string.Empty, options.ProjectDirectory, model, EquatableArray<ScopedCall>.From(ordered), all.Left.Left.Right);
            })
            .WithTrackingName(TrackingNames.ScopeReport);

        context.RegisterSourceOutput(report, static (spc, model) =>
        {
            if (model is not null)
            {
                spc.AddSource(Emitter.ScopeReportHintName, Emitter.EmitScopeReport(model));
            }
        });
    }
}
