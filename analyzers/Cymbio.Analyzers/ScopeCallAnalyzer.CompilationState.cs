using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Cymbio.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cymbio.Analyzers;

public sealed partial class ScopeCallAnalyzer
{
    /// <summary>What one compilation's analysis shares: symbols, manifest grants, caches, used scopes.</summary>
    private sealed partial class CompilationState
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

        /// <summary>Whether a granted scope is unknown, so CYM0006 reports it and CYM0014 does not.</summary>
        public Func<string, bool> ReportedAsUnknown { get; init; } = static _ => false;

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
            var location = NameLocation(operation.Syntax);
            if (InferredEndpointId(method) is { } endpoint)
            {
                context.ReportDiagnostic(Diagnostic.Create(CallSiteDescriptors.InferredEndpoint, location, name, endpoint));
            }

            var call = new CallSite(operation, owner, receiver, required, name, location, canPropagate);
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

        /// <summary>A grant that no call of the project requires: every <c>[CymbioGrants]</c> argument and manifest grant that is a known scope.</summary>
        public void ReportUnusedGrants(CompilationAnalysisContext context)
        {
            var attributes = _grantAttributes.Concat(_assembly.GetAttributes().Where(ScopeSymbols.IsGrantsAttribute).Select(static a => (a, "[assembly: CymbioGrants]")));
            foreach (var (attribute, owner) in attributes)
            {
                foreach (var (scope, index) in ScopeSymbols.ScopeArguments(attribute, compilation: null, context.CancellationToken))
                {
                    if (scope.Kind == ScopeReferenceKind.Literal && !_used.ContainsKey(scope.Text) && !ReportedAsUnknown(scope.Text))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            CallSiteDescriptors.UnusedGrant, ScopeSymbols.ArgumentLocation(attribute, index, context.CancellationToken), scope.Text, owner));
                    }
                }
            }

            foreach (var (scope, location) in _manifest.Entries)
            {
                if (!_used.ContainsKey(scope) && !ReportedAsUnknown(scope))
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

        private static string DisplayName(ISymbol symbol) => symbol switch
        {
            IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } => "lambda",
            IMethodSymbol method when method.ContainingType is { } type && method.MethodKind != MethodKind.LocalFunction => type.Name + "." + method.Name,
            _ => symbol.Name,
        };

        private static INamedTypeSymbol? ContainingType(ISymbol symbol) => symbol as INamedTypeSymbol ?? symbol.ContainingType;
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
