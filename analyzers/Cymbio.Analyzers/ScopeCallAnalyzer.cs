// Over the ~400-line guideline: block facts and the receiver tracer are in ScopeCallAnalyzer.*.cs; splitting the compilation
// state (grant sources, judging) from the wiring is issue 9 (refactor).
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Cymbio.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cymbio.Analyzers;

/// <summary>
/// Compares the scope requirement of every call (invocation, method group, delegate creation) with the grants that
/// serve it: the options or token provider traced to the receiver, else the nearest <c>[CymbioScope]</c> or
/// <c>[CymbioGrants]</c> on the enclosing code, else the project manifest's <c>grants</c> (docs/architecture.md, "Where grants come from").
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class ScopeCallAnalyzer : DiagnosticAnalyzer
{
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

            var state = new CompilationState(symbols, ManifestGrants.From(ManifestCatalog.Read(start)), start.Compilation.Assembly);
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

        /// <summary>Grant source 2 (docs/architecture.md): the nearest [CymbioScope] or [CymbioGrants] outwards from the call; then level 3, the manifest.</summary>
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
