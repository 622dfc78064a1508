// Over the ~400-line guideline: splitting this file by concern is issue 9 (refactor), next after issue 8; left whole until then.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Cymbio.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cymbio.Analyzers;

/// <summary>
/// Compares the scope requirement of every call (invocation, method group, delegate creation) with the grants that
/// serve it: the options or token provider traced to the receiver, else the nearest <c>[CymbioScope]</c> or
/// <c>[CymbioGrants]</c> on the enclosing code, else the project manifest's <c>grants</c> (DESIGN §5).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ScopeCallAnalyzer : DiagnosticAnalyzer
{
    private static readonly SourceTextValueProvider<ManifestDocument> ManifestProvider =
        new(static text => ManifestParser.Parse(string.Empty, text, CancellationToken.None));

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        CallSiteDescriptors.MissingScopes,
        CallSiteDescriptors.NoGrantSource,
        CallSiteDescriptors.UnusedGrant);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (CymbioSymbols.Create(start.Compilation) is not { } symbols)
            {
                return;
            }

            var manifests = new List<(string, ManifestDocument)>();
            foreach (var file in start.Options.AdditionalFiles)
            {
                if (ManifestDocument.IsManifestPath(file.Path) && file.GetText(start.CancellationToken) is { } text)
                {
                    var document = start.TryGetValue(text, ManifestProvider, out var cached) ? cached : ManifestParser.Parse(string.Empty, text, start.CancellationToken);
                    manifests.Add((file.Path, document));
                }
            }

            var state = new CompilationState(symbols, ManifestGrants.Read(manifests), start.Compilation.Assembly);
            // Calls only: a block's locals and a type's own fields and properties are read when a scoped call's receiver
            // needs them. No symbol-start or per-block actions: a symbol-start action makes the compiler track the end
            // of every type of the compilation, which cost more than a quarter of a whole build (docs/benchmarks.md).
            start.RegisterOperationAction(state.OnCall, OperationKind.Invocation, OperationKind.MethodReference);
            start.RegisterSymbolAction(state.CollectGrantAttributes, SymbolKind.NamedType, SymbolKind.Method);
            start.RegisterCompilationEndAction(state.ReportUnusedGrants);
        });
    }

    /// <summary>What one compilation's analysis shares: symbols, manifest grants, caches, used scopes.</summary>
    private sealed class CompilationState
    {
        private readonly CymbioSymbols _symbols;
        private readonly ManifestGrants _manifest;
        private readonly IAssemblySymbol _assembly;
        private readonly ConcurrentDictionary<(ISymbol Method, ISymbol Target), ImmutableArray<string>> _requirements = new(SymbolPairComparer.Instance);
        private readonly ConcurrentDictionary<ISymbol, Grants?> _attributeGrants = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);
        private readonly ConcurrentBag<(AttributeData Attribute, string Owner)> _grantAttributes = new();
        private readonly ConcurrentDictionary<INamedTypeSymbol, ReceiverTracer> _tracers = new(SymbolEqualityComparer.Default);

        public CompilationState(CymbioSymbols symbols, ManifestGrants manifest, IAssemblySymbol assembly)
        {
            _symbols = symbols;
            _manifest = manifest;
            _assembly = assembly;
        }

        public CymbioSymbols Symbols => _symbols;

        /// <summary>
        /// One scoped call (invocation, method group, delegate creation): traced to its grants and judged where it is.
        /// The facts of its block and of its type are gathered on demand, once, and only for blocks and types that make
        /// scoped calls.
        /// </summary>
        public void OnCall(OperationAnalysisContext context)
        {
            var operation = context.Operation;
            IMethodSymbol method;
            IOperation? receiver;
            switch (operation)
            {
                case IInvocationOperation invocation:
                    method = invocation.TargetMethod;
                    receiver = method.IsExtensionMethod && invocation.Instance is null && invocation.Arguments.Length > 0
                        ? invocation.Arguments[0].Value
                        : invocation.Instance;
                    break;
                case IMethodReferenceOperation reference:
                    method = reference.Method;
                    receiver = reference.Instance;
                    break;
                default:
                    return;
            }

            receiver = Receiver(receiver);
            var required = Requirement(method, receiver?.Type);
            if (required.IsEmpty || InsideNameOf(operation) || ContainingType(context.ContainingSymbol) is not { } type)
            {
                return;
            }

            MarkUsed(required);
            var owner = context.ContainingSymbol;
            var canPropagate = owner is IMethodSymbol { MethodKind: MethodKind.Ordinary } && !InsideFunction(operation);
            var name = (method.ReducedFrom ?? method).ContainingType.Name + "." + method.Name;
            var call = new CallSite(operation, owner, receiver, required, name, NameLocation(operation.Syntax), canPropagate);
            type = type.OriginalDefinition;
            var tracer = _tracers.TryGetValue(type, out var existing) ? existing : _tracers.GetOrAdd(type, new ReceiverTracer(this, type, context.Compilation));
            if (Judge(call, tracer.Trace(receiver, BlockFacts.Of(operation, _symbols), context.CancellationToken)) is { } diagnostic)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        public void CollectGrantAttributes(SymbolAnalysisContext context)
        {
            foreach (var attribute in context.Symbol.GetAttributes())
            {
                if (ScopeSymbols.IsGrantsAttribute(attribute))
                {
                    _grantAttributes.Add((attribute, $"[CymbioGrants] on '{DisplayName(context.Symbol)}'"));
                }
            }
        }

        /// <summary>A grant that no call of the project requires: every <c>[CymbioGrants]</c> argument and manifest grant.</summary>
        public void ReportUnusedGrants(CompilationAnalysisContext context)
        {
            var attributes = _grantAttributes.Concat(_assembly.GetAttributes().Where(ScopeSymbols.IsGrantsAttribute).Select(static a => (a, "[assembly: CymbioGrants]")));
            foreach (var (attribute, owner) in attributes)
            {
                foreach (var (scope, index) in ScopeSymbols.ScopeArguments(attribute, compilation: null, context.CancellationToken))
                {
                    if (scope.Kind == ScopeReferenceKind.Literal && !_used.ContainsKey(scope.Text))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            CallSiteDescriptors.UnusedGrant, ScopeSymbols.ArgumentLocation(attribute, index, context.CancellationToken), scope.Text, owner));
                    }
                }
            }

            foreach (var (scope, location) in _manifest.Entries)
            {
                if (!_used.ContainsKey(scope))
                {
                    context.ReportDiagnostic(Diagnostic.Create(CallSiteDescriptors.UnusedGrant, location, scope, "scopes.json"));
                }
            }
        }

        /// <summary>The scopes a call requires; empty when it requires none (or cannot be judged).</summary>
        public ImmutableArray<string> Requirement(IMethodSymbol method, ITypeSymbol? receiverType)
        {
            method = (method.ReducedFrom ?? method).OriginalDefinition;
            var declaring = method.ContainingType;
            ISymbol target = declaring;
            if (declaring.TypeKind == TypeKind.Interface
                && receiverType is INamedTypeSymbol { TypeKind: TypeKind.Interface } receiver
                && !SymbolEqualityComparer.Default.Equals(receiver.OriginalDefinition, declaring))
            {
                target = receiver.OriginalDefinition;
            }

            var key = (method, target);
            return _requirements.TryGetValue(key, out var cached) ? cached : _requirements.GetOrAdd(key, static key =>
            {
                var method = (IMethodSymbol)key.Method;
                List<ScopeReference> references;
                if (method.ContainingType.TypeKind == TypeKind.Interface && ScopeSymbols.IsCandidateOperation(method))
                {
                    var target = (INamedTypeSymbol)key.Target;
                    references = Requirements.Of(ScopeSymbols.OperationFor(method, target), target).Scopes;
                }
                else
                {
                    references = ScopeSymbols.ScopesOf(method, compilation: null, out _);
                }

                return references.Count == 0 || references.Any(static r => r.Kind != ScopeReferenceKind.Literal)
                    ? ImmutableArray<string>.Empty
                    : ScopeSymbols.Canonical(references.Select(static r => r.Text));
            });
        }

        public void MarkUsed(ImmutableArray<string> scopes)
        {
            foreach (var scope in scopes)
            {
                // ContainsKey takes no lock; after the first calls every scope is there.
                if (!_used.ContainsKey(scope))
                {
                    _used.TryAdd(scope, 0);
                }
            }
        }

        /// <summary>Level 2 of DESIGN §5: the nearest [CymbioScope] or [CymbioGrants] outwards from the call; then level 3, the manifest.</summary>
        public Grants? EnclosingGrants(IOperation operation, ISymbol owner)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                var symbol = parent switch
                {
                    ILocalFunctionOperation local => local.Symbol,
                    IAnonymousFunctionOperation lambda => lambda.Symbol,
                    _ => null,
                };
                if (symbol is not null && AttributeGrants(symbol) is { } grants)
                {
                    return grants;
                }
            }

            for (ISymbol? symbol = owner; symbol is not null && symbol is not INamespaceSymbol; symbol = symbol.ContainingSymbol)
            {
                if (AttributeGrants(symbol) is { } grants)
                {
                    return grants;
                }
            }

            return AttributeGrants(_assembly) ?? _manifest.AsSource();
        }

        private Grants? AttributeGrants(ISymbol symbol) =>
            _attributeGrants.TryGetValue(symbol, out var cached) ? cached : _attributeGrants.GetOrAdd(symbol, ReadAttributeGrants);

        private Grants? ReadAttributeGrants(ISymbol symbol)
        {
            var scopes = new List<string>();
            AttributeData? grantsAttribute = null;
            AttributeData? scopeAttribute = null;
            foreach (var attribute in symbol.GetAttributes())
            {
                var isGrants = ScopeSymbols.IsGrantsAttribute(attribute);
                var isScope = symbol is IMethodSymbol && ScopeSymbols.IsScopeAttribute(attribute);
                if (!isGrants && !isScope)
                {
                    continue;
                }

                if (isGrants)
                {
                    grantsAttribute ??= attribute;
                }
                else
                {
                    scopeAttribute ??= attribute;
                }

                foreach (var (scope, _) in ScopeSymbols.ScopeArguments(attribute))
                {
                    if (scope.Kind == ScopeReferenceKind.Literal)
                    {
                        scopes.Add(scope.Text);
                    }
                }
            }

            if (grantsAttribute is null && scopeAttribute is null)
            {
                return null;
            }

            var name = symbol is IAssemblySymbol ? null : symbol.Name;
            var canonical = ScopeSymbols.Canonical(scopes);
            if (grantsAttribute is not null)
            {
                var description = name is null ? "[assembly: CymbioGrants]" : $"[CymbioGrants] on '{DisplayName(symbol)}'";
                return new Grants(canonical, GrantSourceKind.Attribute, description, AttributeLocation(grantsAttribute));
            }

            return new Grants(canonical, GrantSourceKind.Propagated, $"the [CymbioScope] on '{DisplayName(symbol)}'", AttributeLocation(scopeAttribute!));
        }

        /// <summary>The grants a token-provider type declares with [CymbioGrants].</summary>
        public Grants? ProviderTypeGrants(ITypeSymbol? type)
        {
            if (type is not INamedTypeSymbol named || AttributeGrants(named.OriginalDefinition) is not { Kind: GrantSourceKind.Attribute } grants)
            {
                return null;
            }

            return grants with { Kind = GrantSourceKind.ProviderType };
        }

        public Diagnostic? Judge(CallSite call, Grants? traced)
        {
            var grants = traced ?? EnclosingGrants(call.Operation, call.Owner);
            var method = call.DisplayName;
            if (grants is null)
            {
                return Diagnostic.Create(CallSiteDescriptors.NoGrantSource, call.Location, method, Grants.Quote(call.Required));
            }

            var missing = grants.Missing(call.Required);
            if (missing.IsEmpty)
            {
                return null;
            }

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(CallSiteProperties.Missing, string.Join(" ", missing));
            properties.Add(CallSiteProperties.Required, string.Join(" ", call.Required));
            properties.Add(CallSiteProperties.SourceKind, grants.Kind.ToString());
            if (grants.Manifest is { EditPath: { } path } manifest)
            {
                properties.Add(CallSiteProperties.ManifestPath, path);
                properties.Add(CallSiteProperties.ManifestArrayEnd, manifest.ArrayEnd.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (call.CanPropagate)
            {
                properties.Add(CallSiteProperties.CanPropagate, "true");
            }

            return Diagnostic.Create(
                CallSiteDescriptors.MissingScopes,
                call.Location,
                grants.Location is { } location ? new[] { location } : null,
                properties.ToImmutable(),
                method,
                Grants.Quote(missing),
                grants.Description);
        }

        private static Location? AttributeLocation(AttributeData attribute) =>
            attribute.ApplicationSyntaxReference is { } reference ? Location.Create(reference.SyntaxTree, reference.Span) : null;

        private static string DisplayName(ISymbol symbol) => symbol switch
        {
            IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } => "lambda",
            IMethodSymbol method when method.ContainingType is { } type && method.MethodKind != MethodKind.LocalFunction => type.Name + "." + method.Name,
            _ => symbol.Name,
        };

        private static INamedTypeSymbol? ContainingType(ISymbol symbol) => symbol as INamedTypeSymbol ?? symbol.ContainingType;
    }

    /// <summary>A scoped call and what judging it needs.</summary>
    private sealed record CallSite(
        IOperation Operation,
        ISymbol Owner,
        IOperation? Receiver,
        ImmutableArray<string> Required,
        string DisplayName,
        Location Location,
        bool CanPropagate);

    /// <summary>
    /// What one operation block (a method body, an initializer) says about its locals, and, for a type's constructors,
    /// initializers and getters, about the type's own fields and properties. Gathered in one walk of the block's tree,
    /// the first time a scoped call in it (or a receiver traced into it) asks.
    /// </summary>
    private sealed class BlockFacts
    {
        private static readonly ConditionalWeakTable<IOperation, BlockFacts> Cache = new();

        private readonly Dictionary<ILocalSymbol, List<IOperation>> _values = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, List<IOperation>> _grantAdds = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ILocalSymbol> _unknown = new(SymbolEqualityComparer.Default);

        private BlockFacts()
        {
        }

        /// <summary>The facts of the block that <paramref name="operation"/> belongs to (its outermost operation).</summary>
        public static BlockFacts Of(IOperation operation, CymbioSymbols symbols)
        {
            var root = operation;
            while (root.Parent is { } parent)
            {
                root = parent;
            }

            return Cache.GetValue(root, root => Collect(root, symbols, owner: null, members: null));
        }

        /// <summary>
        /// Walks one block. With <paramref name="members"/>, also records what the block gives the own fields and
        /// properties of <paramref name="owner"/>'s type: assignments in a constructor, initializers, a getter's returns.
        /// </summary>
        public static BlockFacts Collect(IOperation root, CymbioSymbols symbols, ISymbol? owner, Action<ISymbol, IOperation, BlockFacts>? members)
        {
            var facts = new BlockFacts();
            var inConstructor = owner is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor };
            var getter = owner is IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: IPropertySymbol property } ? property : null;
            var type = owner is null ? null : owner as INamedTypeSymbol ?? owner.ContainingType;
            foreach (var operation in root.DescendantsAndSelf())
            {
                facts.Add(operation, symbols);
                if (members is null)
                {
                    continue;
                }

                switch (operation)
                {
                    case ISimpleAssignmentOperation { Target: IMemberReferenceOperation member } assignment when inConstructor && IsOwn(member, type):
                        members(member.Member, assignment.Value, facts);
                        break;
                    case IFieldInitializerOperation field:
                        foreach (var initialized in field.InitializedFields)
                        {
                            members(initialized, field.Value, facts);
                        }

                        break;
                    case IPropertyInitializerOperation initializer:
                        foreach (var initialized in initializer.InitializedProperties)
                        {
                            members(initialized, initializer.Value, facts);
                        }

                        break;
                    case IReturnOperation { ReturnedValue: { } value } when getter is not null && !InsideFunction(operation):
                        members(getter, value, facts);
                        break;
                }
            }

            return facts;
        }

        private void Add(IOperation operation, CymbioSymbols symbols)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    MarkByReference(invocation.Arguments);
                    AddInvocation(invocation, symbols);
                    break;
                case IObjectCreationOperation creation:
                    MarkByReference(creation.Arguments);
                    break;
                case IVariableDeclaratorOperation declarator:
                    if ((declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer) is { } initializer)
                    {
                        AddValue(_values, declarator.Symbol, initializer.Value);
                    }

                    break;
                case IDeconstructionAssignmentOperation deconstruction:
                    // (a, b) = …: every local it assigns gets a value the analysis does not follow.
                    foreach (var local in deconstruction.Target.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
                    {
                        _unknown.Add(local.Local);
                    }

                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation local } assignment:
                    if (assignment is ISimpleAssignmentOperation)
                    {
                        AddValue(_values, local.Local, assignment.Value);
                    }
                    else
                    {
                        _unknown.Add(local.Local);
                    }

                    break;
            }
        }

        /// <summary><c>options.Grants.Add(…)</c> on a local options object, and a local options object handed to other code.</summary>
        private void AddInvocation(IInvocationOperation invocation, CymbioSymbols symbols)
        {
            if (invocation.Instance is IPropertyReferenceOperation { Instance: ILocalReferenceOperation optionsLocal } grantsReference
                && SymbolEqualityComparer.Default.Equals(grantsReference.Property.OriginalDefinition, symbols.GrantsProperty))
            {
                if (invocation.TargetMethod.Name == "Add" && invocation.Arguments.Length == 1)
                {
                    AddValue(_grantAdds, optionsLocal.Local, invocation.Arguments[0].Value);
                }
                else
                {
                    _unknown.Add(optionsLocal.Local);
                }
            }

            foreach (var argument in invocation.Arguments)
            {
                if (Unwrap(argument.Value) is ILocalReferenceOperation local && CymbioSymbols.Is(local.Type, symbols.Options))
                {
                    _unknown.Add(local.Local);
                }
            }
        }

        /// <summary>A local passed by reference can change behind the analysis's back.</summary>
        private void MarkByReference(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument is { Parameter.RefKind: not RefKind.None, Value: ILocalReferenceOperation local })
                {
                    _unknown.Add(local.Local);
                }
            }
        }

        private static void AddValue(Dictionary<ILocalSymbol, List<IOperation>> values, ILocalSymbol local, IOperation value)
        {
            if (!values.TryGetValue(local, out var list))
            {
                values.Add(local, list = new List<IOperation>());
            }

            list.Add(value);
        }

        /// <summary>The one value a local ever gets in this block, or <see langword="null"/>.</summary>
        public IOperation? SingleValue(ILocalSymbol local) =>
            !_unknown.Contains(local) && _values.TryGetValue(local, out var list) && list.Count == 1 ? list[0] : null;

        /// <summary>The values added to a local options object's <c>Grants</c>; <see langword="null"/> when it escapes analysis.</summary>
        public IReadOnlyList<IOperation>? GrantAdds(ILocalSymbol local) =>
            _unknown.Contains(local) ? null : _grantAdds.TryGetValue(local, out var list) ? list : Array.Empty<IOperation>();
    }

    /// <summary>
    /// Level 1 of DESIGN §5 for the calls of one type: the provider behind a receiver, through locals, the type's own
    /// fields and properties, factories and constructors. Thread-safe: the calls of one type are judged concurrently.
    /// </summary>
    private sealed class ReceiverTracer
    {
        private const int MaxDepth = 12;

        private readonly CompilationState _state;
        private readonly INamedTypeSymbol _type;
        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<(object Scope, ISymbol Symbol), Grants?> _traced = new();
        private readonly object _membersGate = new();
        private Dictionary<ISymbol, List<(IOperation Value, BlockFacts Facts)>>? _members;

        public ReceiverTracer(CompilationState state, INamedTypeSymbol type, Compilation compilation)
        {
            _state = state;
            _type = type;
            _compilation = compilation;
        }

        private CymbioSymbols Symbols => _state.Symbols;

        public Grants? Trace(IOperation? receiver, BlockFacts facts, CancellationToken cancellationToken) => Trace(receiver, facts, null, 0, cancellationToken);

        private Grants? Trace(IOperation? value, BlockFacts facts, ILocalSymbol? via, int depth, CancellationToken cancellationToken)
        {
            value = Unwrap(value);
            if (value is null || depth > MaxDepth)
            {
                return null;
            }

            cancellationToken.ThrowIfCancellationRequested();
            switch (value)
            {
                case ILocalReferenceOperation local:
                    return Traced(facts, local.Local, () => facts.SingleValue(local.Local) is { } localValue ? Trace(localValue, facts, local.Local, depth + 1, cancellationToken) : null);

                case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member when IsOwn(member, _type) && member is not IPropertyReferenceOperation { Arguments.Length: > 0 }:
                    return Traced(this, member.Member.OriginalDefinition, () => SingleMemberValue(member.Member, cancellationToken) is { } memberValue ? Trace(memberValue.Value, memberValue.Facts, null, depth + 1, cancellationToken) : null);

                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if (CymbioSymbols.Is(method.ContainingType, Symbols.Client) && method.Name == "Create")
                    {
                        return Trace(invocation.Instance, facts, null, depth + 1, cancellationToken);
                    }

                    if (CymbioSymbols.Is(method.ContainingType, Symbols.RestService))
                    {
                        return Trace(ArgumentOfType(invocation.Arguments, Symbols.HttpClient), facts, null, depth + 1, cancellationToken);
                    }

                    return _state.ProviderTypeGrants(invocation.Type);

                case IObjectCreationOperation creation:
                    return TraceCreation(creation, facts, via, depth, cancellationToken);

                default:
                    return null;
            }
        }

        /// <summary>Remembers what a local (per block) or an own member traced to: a type's calls usually share a few receivers.</summary>
        private Grants? Traced(object scope, ISymbol symbol, Func<Grants?> trace)
        {
            var key = (scope, symbol);
            if (!_traced.TryGetValue(key, out var grants))
            {
                grants = trace();
                _traced.TryAdd(key, grants);
            }

            return grants;
        }

        private Grants? TraceCreation(IObjectCreationOperation creation, BlockFacts facts, ILocalSymbol? via, int depth, CancellationToken cancellationToken)
        {
            var type = creation.Type;
            if (CymbioSymbols.Is(type, Symbols.Options))
            {
                return OptionsGrants(creation, facts, via);
            }

            if (_state.ProviderTypeGrants(type) is { } declared)
            {
                return declared;
            }

            if (CymbioSymbols.Is(type, Symbols.HttpClient))
            {
                return Trace(ArgumentOfType(creation.Arguments, null, "handler"), facts, null, depth + 1, cancellationToken);
            }

            // A provider given to the constructor decides over options given beside it.
            if (Trace(ArgumentOfType(creation.Arguments, Symbols.TokenProviderInterface), facts, null, depth + 1, cancellationToken) is { } provider)
            {
                return provider;
            }

            if (ArgumentOfType(creation.Arguments, Symbols.Options) is { } options)
            {
                return Trace(options, facts, null, depth + 1, cancellationToken);
            }

            if (ArgumentOfType(creation.Arguments, Symbols.Client) is { } client)
            {
                return Trace(client, facts, null, depth + 1, cancellationToken);
            }

            if (type is INamedTypeSymbol named && Symbols.TokenProviderInterface is { } providerInterface && named.AllInterfaces.Contains(providerInterface, SymbolEqualityComparer.Default))
            {
                return ProviderConstructorGrants(creation);
            }

            return null;
        }

        /// <summary><c>new CymbioClientOptions { Grants = { … } }</c>, plus <c>options.Grants.Add(…)</c> on the same local.</summary>
        private Grants? OptionsGrants(IObjectCreationOperation creation, BlockFacts facts, ILocalSymbol? via)
        {
            var values = new List<IOperation>();
            foreach (var initializer in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
            {
                if (initializer is IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation property, Initializer: { } collection }
                    && SymbolEqualityComparer.Default.Equals(property.Property.OriginalDefinition, Symbols.GrantsProperty))
                {
                    foreach (var add in collection.Initializers)
                    {
                        if (add is not IInvocationOperation { Arguments.Length: 1 } invocation)
                        {
                            return null;
                        }

                        values.Add(invocation.Arguments[0].Value);
                    }
                }
            }

            if (via is not null)
            {
                if (facts.GrantAdds(via) is not { } adds)
                {
                    return null;
                }

                values.AddRange(adds);
            }

            var scopes = new List<string>();
            foreach (var value in values)
            {
                if (value.ConstantValue is not { HasValue: true, Value: string scope })
                {
                    return null;
                }

                scopes.Add(scope);
            }

            var line = creation.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            return new Grants(
                ScopeSymbols.Canonical(scopes),
                GrantSourceKind.Options,
                $"the grants of the CymbioClientOptions created at line {line}",
                creation.Syntax.GetLocation());
        }

        /// <summary>A token provider constructed with its grants: a <c>grants</c> or <c>scopes</c> argument of constants (array, collection expression, params).</summary>
        private Grants? ProviderConstructorGrants(IObjectCreationOperation creation)
        {
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Name is not { } name || !(name.Equals("grants", StringComparison.OrdinalIgnoreCase) || name.Equals("scopes", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                if (ConstantElements(argument.Value) is not { } scopes)
                {
                    return null;
                }

                var line = creation.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                return new Grants(ScopeSymbols.Canonical(scopes), GrantSourceKind.Options, $"the grants of the {creation.Type?.Name} created at line {line}", creation.Syntax.GetLocation());
            }

            return null;
        }

        private static List<string>? ConstantElements(IOperation value)
        {
            value = Unwrap(value)!;
            IEnumerable<IOperation>? elements = value switch
            {
                IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
                IInvocationOperation { TargetMethod.Name: "Create", Arguments.Length: 1 } create => ConstantElementsOrNull(create.Arguments[0].Value),
                _ => null,
            };

            var result = new List<string>();
            if (elements is null)
            {
                // Collection expressions: bound element by element (the operation tree of Roslyn 4.8 does not model them).
                if (value.Syntax is not CollectionExpressionSyntax collection || value.SemanticModel is not { } model)
                {
                    return null;
                }

                foreach (var element in collection.Elements)
                {
                    if (element is not ExpressionElementSyntax expression || model.GetConstantValue(expression.Expression) is not { HasValue: true, Value: string scope })
                    {
                        return null;
                    }

                    result.Add(scope);
                }

                return result;
            }

            foreach (var element in elements)
            {
                if (Unwrap(element)?.ConstantValue is not { HasValue: true, Value: string scope })
                {
                    return null;
                }

                result.Add(scope);
            }

            return result;
        }

        private static IEnumerable<IOperation>? ConstantElementsOrNull(IOperation value) =>
            Unwrap(value) is IArrayCreationOperation { Initializer: { } initializer } ? initializer.ElementValues : null;

        /// <summary>The one value an own field or property ever gets (constructors, initializers, a getter), or <see langword="null"/>.</summary>
        private (IOperation Value, BlockFacts Facts)? SingleMemberValue(ISymbol member, CancellationToken cancellationToken)
        {
            var members = Members(cancellationToken);
            return members.TryGetValue(member.OriginalDefinition, out var list) && list.Count == 1 ? list[0] : null;
        }

        /// <summary>
        /// The values the type's own constructors, field and property initializers and getters give its members, read
        /// once per type and only for a type whose scoped call has a field or property receiver.
        /// </summary>
        private Dictionary<ISymbol, List<(IOperation Value, BlockFacts Facts)>> Members(CancellationToken cancellationToken)
        {
            lock (_membersGate)
            {
                if (_members is not null)
                {
                    return _members;
                }

                var members = new Dictionary<ISymbol, List<(IOperation Value, BlockFacts Facts)>>(SymbolEqualityComparer.Default);
                void Add(ISymbol member, IOperation value, BlockFacts facts)
                {
                    member = member.OriginalDefinition;
                    if (!members.TryGetValue(member, out var list))
                    {
                        members.Add(member, list = new List<(IOperation, BlockFacts)>());
                    }

                    list.Add((value, facts));
                }

                var models = new Dictionary<SyntaxTree, SemanticModel>();
                foreach (var (owner, syntax) in MemberBodies(_type))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!models.TryGetValue(syntax.SyntaxTree, out var model))
                    {
                        // Only for this type's own declarations, and only when a call needs them (not per file or block).
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
                        models.Add(syntax.SyntaxTree, model = _compilation.GetSemanticModel(syntax.SyntaxTree));
#pragma warning restore RS1030
                    }

                    if (model.GetOperation(syntax, cancellationToken) is { } body)
                    {
                        BlockFacts.Collect(body, Symbols, owner, Add);
                    }
                }

                return _members = members;
            }
        }

        /// <summary>The blocks that can give the type's own members a value: constructor bodies, initializers, getters.</summary>
        private static IEnumerable<(ISymbol Owner, SyntaxNode Syntax)> MemberBodies(INamedTypeSymbol type)
        {
            foreach (var member in type.GetMembers())
            {
                switch (member)
                {
                    case IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor:
                        foreach (var reference in constructor.DeclaringSyntaxReferences)
                        {
                            if (reference.GetSyntax() is ConstructorDeclarationSyntax syntax)
                            {
                                yield return (constructor, syntax);
                            }
                        }

                        break;
                    case IFieldSymbol field:
                        foreach (var reference in field.DeclaringSyntaxReferences)
                        {
                            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer: { } initializer })
                            {
                                yield return (field, initializer);
                            }
                        }

                        break;
                    case IPropertySymbol property:
                        foreach (var reference in property.DeclaringSyntaxReferences)
                        {
                            if (reference.GetSyntax() is PropertyDeclarationSyntax { Initializer: { } initializer })
                            {
                                yield return (property, initializer);
                            }
                        }

                        if (property.GetMethod is { } getter)
                        {
                            foreach (var reference in getter.DeclaringSyntaxReferences)
                            {
                                if (reference.GetSyntax() is AccessorDeclarationSyntax { Body: not null } or AccessorDeclarationSyntax { ExpressionBody: not null } or ArrowExpressionClauseSyntax)
                                {
                                    yield return (getter, reference.GetSyntax());
                                }
                            }
                        }

                        break;
                }
            }
        }

        private static IOperation? ArgumentOfType(ImmutableArray<IArgumentOperation> arguments, INamedTypeSymbol? type, string? name = null)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter is not { } parameter)
                {
                    continue;
                }

                if ((type is not null && CymbioSymbols.Is(parameter.Type, type)) || (name is not null && parameter.Name == name))
                {
                    return argument.Value;
                }
            }

            return null;
        }
    }

    private static bool IsOwn(IMemberReferenceOperation member, INamedTypeSymbol? type) =>
        type is not null
        && SymbolEqualityComparer.Default.Equals(member.Member.ContainingType?.OriginalDefinition, type.OriginalDefinition)
        && member.Instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

    private static bool InsideNameOf(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is INameOfOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static bool InsideFunction(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is ILocalFunctionOperation or IAnonymousFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The receiver behind <c>?.</c>, conversions and parentheses.</summary>
    private static IOperation? Receiver(IOperation? receiver)
    {
        if (receiver is IConditionalAccessInstanceOperation)
        {
            for (var parent = receiver.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation access)
                {
                    return Unwrap(access.Operation);
                }
            }
        }

        return Unwrap(receiver);
    }

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } or IConversionOperation { Conversion.IsReference: true } or IParenthesizedOperation)
        {
            operation = operation switch
            {
                IConversionOperation conversion => conversion.Operand,
                IParenthesizedOperation parenthesized => parenthesized.Operand,
                _ => operation,
            };
        }

        return operation;
    }

    /// <summary>The name of the called method: what the editor squiggles.</summary>
    private static Location NameLocation(SyntaxNode syntax)
    {
        var expression = syntax is InvocationExpressionSyntax invocation ? invocation.Expression : syntax;
        var name = expression switch
        {
            MemberAccessExpressionSyntax access => access.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            _ => expression,
        };
        return name is SimpleNameSyntax simple ? simple.Identifier.GetLocation() : name.GetLocation();
    }

    private sealed class SymbolPairComparer : IEqualityComparer<(ISymbol Method, ISymbol Target)>
    {
        public static readonly SymbolPairComparer Instance = new();

        public bool Equals((ISymbol Method, ISymbol Target) x, (ISymbol Method, ISymbol Target) y) =>
            SymbolEqualityComparer.Default.Equals(x.Method, y.Method) && SymbolEqualityComparer.Default.Equals(x.Target, y.Target);

        public int GetHashCode((ISymbol Method, ISymbol Target) obj) =>
            (SymbolEqualityComparer.Default.GetHashCode(obj.Method) * 397) ^ SymbolEqualityComparer.Default.GetHashCode(obj.Target);
    }
}
