using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cymbio.Generators;

/// <summary>
/// Turns <c>scopes.json</c> into scope constants and assembly metadata, and every Refit interface annotated with
/// <c>[CymbioScope]</c> into a per-method scope table registered with the runtime through a module initializer.
/// </summary>
/// <remarks>
/// The generator reports no diagnostics: problems in manifests and declarations are reported by
/// <see cref="ScopeDeclarationAnalyzer"/> at their real source locations, so that they can be suppressed and the
/// generator's output stays cached. Bad input is skipped, never thrown on.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed partial class ScopeGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var facts = context.CompilationProvider
            .Select(static (compilation, _) => new CompilationFacts(
                compilation.AssemblyName,
                compilation.GetTypeByMetadataName(ScopeSymbols.ScopeSetMetadataName) is not null,
                compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ModuleInitializerAttribute") is not null,
                ScopeSymbols.ReferencedScopes(compilation)))
            .WithTrackingName(TrackingNames.CompilationFacts);

        // Manifests: each scopes.json parsed once, then merged (ordered by path, so file order never matters).
        var manifests = context.AdditionalTextsProvider
            .Where(static text => ManifestDocument.IsManifestPath(text.Path))
            .Select(static (text, cancellationToken) => ManifestParser.Parse(text.Path, text.GetText(cancellationToken), cancellationToken))
            .WithTrackingName(TrackingNames.ManifestParsed);

        var merged = manifests.Collect()
            .Select(static (documents, cancellationToken) => ConstantsModels.Merge(documents))
            .WithTrackingName(TrackingNames.ManifestMerged);

        var constants = merged.Combine(facts)
            .Select(static (pair, _) => ConstantsModels.Complete(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ScopeConstants);

        context.RegisterSourceOutput(constants, static (spc, model) =>
        {
            if (model is not null)
            {
                spc.AddSource(Emitter.ConstantsHintName, Emitter.EmitConstants(model));
            }
        });

        // Scoped interfaces: [CymbioScope] or [CymbioNoScope] on the interface, on one of its methods, or on an
        // inherited interface.
        var onInterfaces = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ScopeSymbols.ScopeAttributeMetadataName,
                static (node, _) => node is InterfaceDeclarationSyntax,
                static (ctx, cancellationToken) => InterfaceReader.Read(ctx.TargetSymbol as INamedTypeSymbol, ctx.SemanticModel.Compilation, ctx.SemanticModel, cancellationToken))
            .WithTrackingName(TrackingNames.ScopedInterfaces);

        // Not ForAttributeWithMetadataName on the methods: that binds every attributed method's attributes (arguments,
        // overload resolution, nullable analysis) on every edit, which was most of an incremental run. One transform
        // per interface declaration with attributed methods reads their attribute names instead (docs/benchmarks.md,
        // "Issue 10: syntax-read method attributes").
        var onMethods = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => ScopeTableModels.HasAttributedMethod(node),
                static (ctx, cancellationToken) => ScopeTableModels.ReadFromDeclaration((InterfaceDeclarationSyntax)ctx.Node, ctx.SemanticModel, cancellationToken))
            .WithTrackingName(TrackingNames.ScopedMethods);

        var noScope = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ScopeSymbols.NoScopeAttributeMetadataName,
                static (node, _) => node is InterfaceDeclarationSyntax or MethodDeclarationSyntax { Parent: InterfaceDeclarationSyntax },
                static (ctx, cancellationToken) => ctx.TargetSymbol is IMethodSymbol method
                    ? ScopeTableModels.ReadFromMethod(method, ctx.SemanticModel, cancellationToken)
                    : InterfaceReader.Read(ctx.TargetSymbol as INamedTypeSymbol, ctx.SemanticModel.Compilation, ctx.SemanticModel, cancellationToken))
            .WithTrackingName(TrackingNames.NoScopeDeclarations);

        var derived = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is InterfaceDeclarationSyntax { BaseList: not null },
                static (ctx, cancellationToken) =>
                {
                    var symbol = ctx.SemanticModel.GetDeclaredSymbol(ctx.Node, cancellationToken) as INamedTypeSymbol;
                    return symbol is not null && !ScopeSymbols.DeclaresScopes(symbol) && ScopeSymbols.InheritsScopes(symbol)
                        ? InterfaceReader.Read(symbol, ctx.SemanticModel.Compilation, ctx.SemanticModel, cancellationToken)
                        : null;
                })
            .WithTrackingName(TrackingNames.DerivedInterfaces);

        var tables = onInterfaces.Collect()
            .Combine(onMethods.Collect())
            .Combine(noScope.Collect())
            .Combine(derived.Collect())
            .SelectMany(static (all, _) => ScopeTableModels.Distinct(all.Left.Left.Left, all.Left.Left.Right, all.Left.Right, all.Right))
            .WithTrackingName(TrackingNames.ScopeTables);

        // [CymbioScope(CymbioScopes.ReadPurchaseOrders)] naming a constant generated from this project's own manifest
        // cannot be bound while generators run; such references are resolved by constant name here.
        var constantNames = constants
            .Select(static (model, _) => model is null
                ? EquatableArray<ConstantName>.Empty
                : EquatableArray<ConstantName>.From(model.Scopes.Select(static s => new ConstantName(s.Identifier, s.Name))))
            .WithTrackingName(TrackingNames.ManifestConstantNames);

        var sources = tables.Combine(facts).Combine(constantNames)
            .Select(static (pair, _) => pair.Left.Right.HasRuntime
                ? (Model: ScopeTableModels.Resolve(pair.Left.Left, pair.Right), pair.Left.Right.HasModuleInitializer)
                : default)
            .WithTrackingName(TrackingNames.ScopeTableSources);

        context.RegisterSourceOutput(sources, static (spc, item) =>
        {
            if (item.Model is not null)
            {
                spc.AddSource(item.Model.HintName, Emitter.EmitScopeTable(item.Model));
            }
        });

        // One module initializer registers every table of the assembly (one method, not one per interface: the build
        // compiles every generated member, docs/benchmarks.md "Build time (issue 8)"). Only the set of interfaces and
        // their class names feed it, so an edit that changes a table does not re-emit it.
        var registrations = sources
            .Select(static (item, _) => item.Model is not null && item.HasModuleInitializer
                ? new ScopeTableRegistration(item.Model.TypeOfName, (item.Model.Namespace is null ? "global::" : "global::" + item.Model.Namespace + ".") + item.Model.ClassName)
                : null)
            .Where(static registration => registration is not null)
            .Collect()
            .Select(static (all, _) => EquatableArray<ScopeTableRegistration>.From(all.Select(static r => r!).OrderBy(static r => r.TypeOfName, StringComparer.Ordinal)))
            .WithTrackingName(TrackingNames.ScopeTableRegistrations);

        context.RegisterSourceOutput(registrations, static (spc, all) =>
        {
            if (!all.IsEmpty)
            {
                spc.AddSource(Emitter.RegistrationsHintName, Emitter.EmitRegistrations(all));
            }
        });

        // Aggregate clients: a partial class with [CymbioAggregate] gets one wrapper client per Refit interface. The
        // wrappers call Refit's implementation; nothing here builds a request.
        var aggregates = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AggregateReader.AttributeMetadataName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, cancellationToken) => AggregateReader.Read(ctx, cancellationToken))
            .WithTrackingName(TrackingNames.Aggregates);

        context.RegisterSourceOutput(aggregates.Combine(constantNames), static (spc, pair) =>
        {
            if (pair.Left is { } model)
            {
                spc.AddSource(model.HintName, Emitter.EmitAggregate(Emitter.Resolve(model, pair.Right)));
            }
        });

        InitializeRequiredScopes(context, facts, constants, constantNames, manifests);
    }
}
