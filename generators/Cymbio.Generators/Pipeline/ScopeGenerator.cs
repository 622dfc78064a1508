using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
public sealed class ScopeGenerator : IIncrementalGenerator
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
            .Select(static (documents, cancellationToken) => Merge(documents))
            .WithTrackingName(TrackingNames.ManifestMerged);

        var constants = merged.Combine(facts)
            .Select(static (pair, _) => Complete(pair.Left, pair.Right))
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
                static (ctx, cancellationToken) => InterfaceReader.Read(ctx.TargetSymbol as INamedTypeSymbol, ctx.SemanticModel.Compilation, cancellationToken))
            .WithTrackingName(TrackingNames.ScopedInterfaces);

        var onMethods = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ScopeSymbols.ScopeAttributeMetadataName,
                static (node, _) => node is MethodDeclarationSyntax { Parent: InterfaceDeclarationSyntax },
                static (ctx, cancellationToken) => ReadFromMethod(ctx.TargetSymbol as IMethodSymbol, ctx.SemanticModel.Compilation, cancellationToken))
            .WithTrackingName(TrackingNames.ScopedMethods);

        var noScope = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ScopeSymbols.NoScopeAttributeMetadataName,
                static (node, _) => node is InterfaceDeclarationSyntax or MethodDeclarationSyntax { Parent: InterfaceDeclarationSyntax },
                static (ctx, cancellationToken) => ctx.TargetSymbol is IMethodSymbol method
                    ? ReadFromMethod(method, ctx.SemanticModel.Compilation, cancellationToken)
                    : InterfaceReader.Read(ctx.TargetSymbol as INamedTypeSymbol, ctx.SemanticModel.Compilation, cancellationToken))
            .WithTrackingName(TrackingNames.NoScopeDeclarations);

        var derived = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is InterfaceDeclarationSyntax { BaseList: not null },
                static (ctx, cancellationToken) =>
                {
                    var symbol = ctx.SemanticModel.GetDeclaredSymbol(ctx.Node, cancellationToken) as INamedTypeSymbol;
                    return symbol is not null && !ScopeSymbols.DeclaresScopes(symbol) && ScopeSymbols.InheritsScopes(symbol)
                        ? InterfaceReader.Read(symbol, ctx.SemanticModel.Compilation, cancellationToken)
                        : null;
                })
            .WithTrackingName(TrackingNames.DerivedInterfaces);

        var tables = onInterfaces.Collect()
            .Combine(onMethods.Collect())
            .Combine(noScope.Collect())
            .Combine(derived.Collect())
            .SelectMany(static (all, _) => Distinct(all.Left.Left.Left, all.Left.Left.Right, all.Left.Right, all.Right))
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
                ? (Model: Resolve(pair.Left.Left, pair.Right), pair.Left.Right.HasModuleInitializer)
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
    }

    /// <summary>
    /// Reads the interface behind a method-level attribute, once per interface: only for the first method with
    /// <c>[CymbioScope]</c> or <c>[CymbioNoScope]</c>, and only when the interface itself has neither (the interface
    /// pipelines cover that case).
    /// </summary>
    private static InterfaceModel? ReadFromMethod(IMethodSymbol? method, Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        var type = method?.ContainingType;
        if (type is null || type.TypeKind != TypeKind.Interface || ScopeSymbols.HasRequirementAttribute(type))
        {
            return null;
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol candidate && ScopeSymbols.HasRequirementAttribute(candidate))
            {
                return SymbolEqualityComparer.Default.Equals(candidate, method) ? InterfaceReader.Read(type, compilation, cancellationToken) : null;
            }
        }

        return null;
    }

    /// <summary>
    /// One model per interface, ordered by metadata name, with file and class names made unique: generated file names
    /// are compared without case, and two interfaces can map to one class name (<c>Outer.IApi</c> and
    /// <c>IOuterApi</c>). The first by metadata name keeps the plain name; later ones get <c>2</c>, <c>3</c>, ….
    /// </summary>
    private static ImmutableArray<InterfaceModel> Distinct(params ImmutableArray<InterfaceModel?>[] sources)
    {
        var byName = new SortedDictionary<string, InterfaceModel>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var model in source)
            {
                if (model is not null && !byName.ContainsKey(model.MetadataName))
                {
                    byName.Add(model.MetadataName, model);
                }
            }
        }

        var hintNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Emitter.ConstantsHintName };
        var classNames = new HashSet<string>(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<InterfaceModel>(byName.Count);
        foreach (var model in byName.Values)
        {
            var className = UniqueNames.Reserve(
                model.ClassName,
                i => model.ClassName + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                candidate => classNames.Add(model.Namespace + "." + candidate));
            var hintBase = Emitter.HintBase(model.MetadataName);
            var hintName = UniqueNames.Reserve(
                hintNames,
                hintBase + Emitter.HintSuffix,
                i => hintBase + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + Emitter.HintSuffix);

            result.Add(model with { ClassName = className, HintName = hintName });
        }

        return result.MoveToImmutable();
    }

    /// <summary>Resolves pending constant names against the generated constants; what cannot be resolved fails closed.</summary>
    private static InterfaceModel Resolve(InterfaceModel model, EquatableArray<ConstantName> constants)
    {
        if (model.Operations.All(static o => o.PendingConstants.IsEmpty))
        {
            return model;
        }

        var operations = model.Operations.Select(operation =>
        {
            if (operation.PendingConstants.IsEmpty)
            {
                return operation;
            }

            var scopes = new List<string>(operation.Scopes);
            var errors = new List<string>(operation.Errors);
            foreach (var pending in operation.PendingConstants)
            {
                var match = constants.FirstOrDefault(c => c.Identifier == pending.Name);
                if (match is not null)
                {
                    scopes.Add(match.Name);
                }
                else if (!pending.QualifiedByCymbioScopes)
                {
                    // Written as CymbioScopes.Name, an unknown name is a compiler error at the attribute. Anything else
                    // may be defined by code this generator cannot see: refuse it rather than drop a scope.
                    errors.Add($"'{pending.Expression}' is not a scope string or a string constant that the generator can see");
                }
            }

            return operation with
            {
                Scopes = EquatableArray<string>.From(ScopeSymbols.Canonical(scopes)),
                PendingConstants = EquatableArray<PendingConstant>.Empty,
                Errors = EquatableArray<string>.From(errors),
            };
        });
        return model with { Operations = EquatableArray<OperationModel>.From(operations) };
    }

    /// <summary>
    /// Completes the constants model with the compilation's facts: the namespace, and the scopes of referenced
    /// assemblies, so that the project's <c>CymbioScopes</c> is a superset of the SDK's and shadows nothing.
    /// </summary>
    private static ConstantsModel? Complete(ConstantsModel? model, CompilationFacts facts)
    {
        if (model is null)
        {
            return null;
        }

        var scopes = new List<ScopeConstant>(model.Scopes);
        if (!model.Scopes.IsEmpty)
        {
            var names = new HashSet<string>(model.Scopes.Select(static s => s.Name), StringComparer.Ordinal);
            var identifiers = new HashSet<string>(model.Scopes.Select(static s => s.Identifier), StringComparer.Ordinal) { "All" };
            foreach (var referenced in facts.ReferencedScopes)
            {
                if (names.Add(referenced.Name))
                {
                    scopes.Add(new ScopeConstant(referenced.Name, referenced.Description, Unique(ScopeNames.ToIdentifier(referenced.Name), identifiers), Declared: false));
                }
            }
        }

        return model with
        {
            Namespace = model.Namespace.Length > 0 ? model.Namespace : ScopeNames.ToNamespace(facts.AssemblyName),
            HasRuntime = facts.HasRuntime,
            Scopes = EquatableArray<ScopeConstant>.From(scopes),
        };
    }

    /// <summary>The constants model of the project's manifests, merged by <see cref="ManifestCatalog"/>'s rules.</summary>
    private static ConstantsModel? Merge(ImmutableArray<ManifestDocument> documents)
    {
        if (documents.IsDefaultOrEmpty)
        {
            return null;
        }

        // Referenced assemblies' scopes join in Complete, which also depends on the compilation; this step depends on
        // the manifests alone, so that an edit to C# code leaves it cached.
        var catalog = ManifestCatalog.Create(documents.Select(static d => (d.Path, d)), Enumerable.Empty<ReferencedScope>());
        if (catalog.Scopes.IsEmpty && catalog.Environments.IsEmpty && catalog.TokenPath is null && catalog.TokenLifetimeSeconds is null)
        {
            return null;
        }

        var identifiers = new HashSet<string>(StringComparer.Ordinal) { "All" };
        var scopes = catalog.Scopes.Select(scope => new ScopeConstant(scope.Name, scope.Description, Unique(ScopeNames.ToIdentifier(scope.Name), identifiers), Declared: true));
        return new ConstantsModel(
            catalog.Namespace ?? string.Empty,
            false,
            EquatableArray<ScopeConstant>.From(scopes),
            EquatableArray<ManifestEnvironment>.From(catalog.Environments),
            catalog.TokenPath,
            catalog.TokenLifetimeSeconds);
    }

    private static string Unique(string identifier, HashSet<string> used) =>
        UniqueNames.Reserve(used, identifier, i => identifier + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
