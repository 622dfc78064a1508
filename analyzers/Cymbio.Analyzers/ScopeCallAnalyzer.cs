// Over the ~400-line guideline: splitting this file by concern is issue 9 (refactor), next after issue 8; left whole until then.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
            start.RegisterSymbolStartAction(state.OnTypeStart, SymbolKind.NamedType);
            start.RegisterOperationBlockStartAction(state.OnTopLevelBlockStart);
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

        public CompilationState(CymbioSymbols symbols, ManifestGrants manifest, IAssemblySymbol assembly)
        {
            _symbols = symbols;
            _manifest = manifest;
            _assembly = assembly;
        }

        public CymbioSymbols Symbols => _symbols;

        /// <summary>Every named type collects its calls and the values of its fields and properties, and resolves at its end.</summary>
        public void OnTypeStart(SymbolStartAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (type.IsImplicitlyDeclared)
            {
                return;
            }

            var collector = new TypeCollector(this, type);
            context.RegisterOperationBlockStartAction(block =>
            {
                if (SymbolEqualityComparer.Default.Equals(ContainingType(block.OwningSymbol), type))
                {
                    collector.Register(block);
                }
            });
            context.RegisterSymbolEndAction(collector.Resolve);
        }

        /// <summary>Top-level statements: their implicit Program type gets no symbol-start action, and has no fields.</summary>
        public void OnTopLevelBlockStart(OperationBlockStartAnalysisContext context)
        {
            if (ContainingType(context.OwningSymbol) is { IsImplicitlyDeclared: true } type)
            {
                var collector = new TypeCollector(this, type);
                collector.Register(context);
                context.RegisterOperationBlockEndAction(end => collector.Resolve(end.ReportDiagnostic, end.CancellationToken));
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

    /// <summary>A scoped call waiting for the type's facts.</summary>
    private sealed record CallSite(
        IOperation Operation,
        ISymbol Owner,
        IOperation? Receiver,
        BlockFacts Facts,
        ImmutableArray<string> Required,
        string DisplayName,
        Location Location,
        bool CanPropagate);

    /// <summary>What one operation block (a method body, an initializer) says about its locals.</summary>
    private sealed class BlockFacts
    {
        private readonly object _gate = new();
        private readonly Dictionary<ILocalSymbol, List<IOperation>> _values = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, List<IOperation>> _grantAdds = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ILocalSymbol> _unknown = new(SymbolEqualityComparer.Default);

        public void AddValue(ILocalSymbol local, IOperation value)
        {
            lock (_gate)
            {
                if (!_values.TryGetValue(local, out var list))
                {
                    _values.Add(local, list = new List<IOperation>());
                }

                list.Add(value);
            }
        }

        public void AddGrant(ILocalSymbol local, IOperation value)
        {
            lock (_gate)
            {
                if (!_grantAdds.TryGetValue(local, out var list))
                {
                    _grantAdds.Add(local, list = new List<IOperation>());
                }

                list.Add(value);
            }
        }

        public void MarkUnknown(ILocalSymbol local)
        {
            lock (_gate)
            {
                _unknown.Add(local);
            }
        }

        /// <summary>The one value a local ever gets in this block, or <see langword="null"/>.</summary>
        public IOperation? SingleValue(ILocalSymbol local)
        {
            lock (_gate)
            {
                return !_unknown.Contains(local) && _values.TryGetValue(local, out var list) && list.Count == 1 ? list[0] : null;
            }
        }

        /// <summary>The values added to a local options object's <c>Grants</c>; <see langword="null"/> when it escapes analysis.</summary>
        public IReadOnlyList<IOperation>? GrantAdds(ILocalSymbol local)
        {
            lock (_gate)
            {
                return _unknown.Contains(local) ? null : _grantAdds.TryGetValue(local, out var list) ? list : Array.Empty<IOperation>();
            }
        }
    }

    /// <summary>One type's calls and member values; resolves every call at the type's end.</summary>
    private sealed class TypeCollector
    {
        private const int MaxDepth = 12;

        private readonly CompilationState _state;
        private readonly INamedTypeSymbol _type;
        private readonly List<CallSite> _calls = new();
        private readonly Dictionary<ISymbol, List<(IOperation Value, BlockFacts Facts)>> _members = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<(object Scope, ISymbol Symbol), Grants?> _traced = new();

        public TypeCollector(CompilationState state, INamedTypeSymbol type)
        {
            _state = state;
            _type = type;
        }

        private CymbioSymbols Symbols => _state.Symbols;

        public void Register(OperationBlockStartAnalysisContext block)
        {
            var facts = new BlockFacts();
            var owner = block.OwningSymbol;
            var inConstructor = owner is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor };
            var getter = owner is IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: IPropertySymbol property } ? property : null;

            // One action for every kind the block needs (each registration costs the driver a delegate per block).
            block.RegisterOperationAction(context => OnOperation(context.Operation, owner, facts, inConstructor, getter), getter is null ? Kinds : KindsWithReturn);
        }

        private static readonly OperationKind[] Kinds =
        {
            OperationKind.Invocation, OperationKind.MethodReference, OperationKind.ObjectCreation, OperationKind.VariableDeclarator,
            OperationKind.SimpleAssignment, OperationKind.CompoundAssignment, OperationKind.CoalesceAssignment,
            OperationKind.DeconstructionAssignment, OperationKind.FieldInitializer, OperationKind.PropertyInitializer,
        };

        private static readonly OperationKind[] KindsWithReturn = Kinds.Concat(new[] { OperationKind.Return }).ToArray();

        private void OnOperation(IOperation operation, ISymbol owner, BlockFacts facts, bool inConstructor, IPropertySymbol? getter)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    MarkByReference(invocation.Arguments, facts);
                    OnInvocation(invocation, owner, facts);
                    break;
                case IMethodReferenceOperation reference:
                    OnMethodReference(reference, owner, facts);
                    break;
                case IObjectCreationOperation creation:
                    MarkByReference(creation.Arguments, facts);
                    break;
                case IVariableDeclaratorOperation declarator:
                    if ((declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer) is { } initializer)
                    {
                        facts.AddValue(declarator.Symbol, initializer.Value);
                    }

                    break;
                case IDeconstructionAssignmentOperation deconstruction:
                    // (a, b) = …: every local it assigns gets a value the analysis does not follow.
                    foreach (var local in deconstruction.Target.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
                    {
                        facts.MarkUnknown(local.Local);
                    }

                    break;
                case IAssignmentOperation assignment:
                    switch (assignment.Target)
                    {
                        case ILocalReferenceOperation local when assignment is ISimpleAssignmentOperation:
                            facts.AddValue(local.Local, assignment.Value);
                            break;
                        case ILocalReferenceOperation local:
                            facts.MarkUnknown(local.Local);
                            break;
                        case IMemberReferenceOperation member when inConstructor && assignment is ISimpleAssignmentOperation && IsOwn(member):
                            AddMember(member.Member, assignment.Value, facts);
                            break;
                    }

                    break;
                case IFieldInitializerOperation field:
                    foreach (var initialized in field.InitializedFields)
                    {
                        AddMember(initialized, field.Value, facts);
                    }

                    break;
                case IPropertyInitializerOperation property:
                    foreach (var initialized in property.InitializedProperties)
                    {
                        AddMember(initialized, property.Value, facts);
                    }

                    break;
                case IReturnOperation { ReturnedValue: { } value } when getter is not null:
                    AddMember(getter, value, facts);
                    break;
            }
        }

        /// <summary>A local passed by reference can change behind the analysis's back.</summary>
        private static void MarkByReference(ImmutableArray<IArgumentOperation> arguments, BlockFacts facts)
        {
            foreach (var argument in arguments)
            {
                if (argument is { Parameter.RefKind: not RefKind.None, Value: ILocalReferenceOperation local })
                {
                    facts.MarkUnknown(local.Local);
                }
            }
        }

        private void AddMember(ISymbol member, IOperation value, BlockFacts facts)
        {
            lock (_members)
            {
                if (!_members.TryGetValue(member, out var list))
                {
                    _members.Add(member, list = new List<(IOperation, BlockFacts)>());
                }

                list.Add((value, facts));
            }
        }

        private void OnInvocation(IInvocationOperation invocation, ISymbol owner, BlockFacts facts)
        {
            var method = invocation.TargetMethod;

            // options.Grants.Add(…) on a local options object, and a local options object handed to other code.
            if (invocation.Instance is IPropertyReferenceOperation { Instance: ILocalReferenceOperation optionsLocal } grantsReference
                && SymbolEqualityComparer.Default.Equals(grantsReference.Property.OriginalDefinition, Symbols.GrantsProperty))
            {
                if (method.Name == "Add" && invocation.Arguments.Length == 1)
                {
                    facts.AddGrant(optionsLocal.Local, invocation.Arguments[0].Value);
                }
                else
                {
                    facts.MarkUnknown(optionsLocal.Local);
                }
            }

            foreach (var argument in invocation.Arguments)
            {
                if (Unwrap(argument.Value) is ILocalReferenceOperation local && CymbioSymbols.Is(local.Type, Symbols.Options))
                {
                    facts.MarkUnknown(local.Local);
                }
            }

            var receiver = method.IsExtensionMethod && invocation.Instance is null && invocation.Arguments.Length > 0
                ? invocation.Arguments[0].Value
                : invocation.Instance;
            AddCall(invocation, method, receiver, owner, facts, NameLocation(invocation.Syntax));
        }

        private void OnMethodReference(IMethodReferenceOperation reference, ISymbol owner, BlockFacts facts) =>
            AddCall(reference, reference.Method, reference.Instance, owner, facts, NameLocation(reference.Syntax));

        private void AddCall(IOperation operation, IMethodSymbol method, IOperation? receiver, ISymbol owner, BlockFacts facts, Location location)
        {
            receiver = Receiver(receiver);
            var required = _state.Requirement(method, receiver?.Type);
            if (required.IsEmpty || InsideNameOf(operation))
            {
                return;
            }

            _state.MarkUsed(required);
            var canPropagate = owner is IMethodSymbol { MethodKind: MethodKind.Ordinary } && !InsideFunction(operation);
            var name = (method.ReducedFrom ?? method).ContainingType.Name + "." + method.Name;
            var call = new CallSite(operation, owner, receiver, facts, required, name, location, canPropagate);
            lock (_calls)
            {
                _calls.Add(call);
            }
        }

        public void Resolve(SymbolAnalysisContext context) => Resolve(context.ReportDiagnostic, context.CancellationToken);

        public void Resolve(Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            List<CallSite> calls;
            lock (_calls)
            {
                calls = _calls.ToList();
            }

            foreach (var call in calls)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var traced = Trace(call.Receiver, call.Facts, null, 0);
                if (_state.Judge(call, traced) is { } diagnostic)
                {
                    report(diagnostic);
                }
            }
        }

        /// <summary>Level 1 of DESIGN §5: the provider behind a value, through locals, own fields and properties, factories and constructors.</summary>
        private Grants? Trace(IOperation? value, BlockFacts facts, ILocalSymbol? via, int depth)
        {
            value = Unwrap(value);
            if (value is null || depth > MaxDepth)
            {
                return null;
            }

            switch (value)
            {
                case ILocalReferenceOperation local:
                    return Traced(facts, local.Local, () => facts.SingleValue(local.Local) is { } localValue ? Trace(localValue, facts, local.Local, depth + 1) : null);

                case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member when IsOwn(member) && member is not IPropertyReferenceOperation { Arguments.Length: > 0 }:
                    return Traced(this, member.Member.OriginalDefinition, () => SingleMemberValue(member.Member) is { } memberValue ? Trace(memberValue.Value, memberValue.Facts, null, depth + 1) : null);

                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if (CymbioSymbols.Is(method.ContainingType, Symbols.Client) && method.Name == "Create")
                    {
                        return Trace(invocation.Instance, facts, null, depth + 1);
                    }

                    if (CymbioSymbols.Is(method.ContainingType, Symbols.RestService))
                    {
                        return Trace(ArgumentOfType(invocation.Arguments, Symbols.HttpClient), facts, null, depth + 1);
                    }

                    return _state.ProviderTypeGrants(invocation.Type);

                case IObjectCreationOperation creation:
                    return TraceCreation(creation, facts, via, depth);

                default:
                    return null;
            }
        }

        /// <summary>
        /// Remembers what a local (per block) or an own member traced to: a type's calls usually share a few receivers,
        /// and <see cref="Resolve(Action{Diagnostic}, CancellationToken)"/> runs once per type, on one thread.
        /// </summary>
        private Grants? Traced(object scope, ISymbol symbol, Func<Grants?> trace)
        {
            var key = (scope, symbol);
            if (!_traced.TryGetValue(key, out var grants))
            {
                grants = trace();
                _traced[key] = grants;
            }

            return grants;
        }

        private Grants? TraceCreation(IObjectCreationOperation creation, BlockFacts facts, ILocalSymbol? via, int depth)
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
                return Trace(ArgumentOfType(creation.Arguments, null, "handler"), facts, null, depth + 1);
            }

            // A provider given to the constructor decides over options given beside it.
            if (Trace(ArgumentOfType(creation.Arguments, Symbols.TokenProviderInterface), facts, null, depth + 1) is { } provider)
            {
                return provider;
            }

            if (ArgumentOfType(creation.Arguments, Symbols.Options) is { } options)
            {
                return Trace(options, facts, null, depth + 1);
            }

            if (ArgumentOfType(creation.Arguments, Symbols.Client) is { } client)
            {
                return Trace(client, facts, null, depth + 1);
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

        private (IOperation Value, BlockFacts Facts)? SingleMemberValue(ISymbol member)
        {
            lock (_members)
            {
                return _members.TryGetValue(member.OriginalDefinition, out var list) && list.Count == 1 ? list[0] : null;
            }
        }

        private bool IsOwn(IMemberReferenceOperation member) =>
            SymbolEqualityComparer.Default.Equals(member.Member.ContainingType?.OriginalDefinition, _type.OriginalDefinition)
            && member.Instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

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
