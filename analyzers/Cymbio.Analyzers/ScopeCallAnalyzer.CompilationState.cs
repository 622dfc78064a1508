using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
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
        private readonly ConcurrentDictionary<(ISymbol Method, ISymbol Target), CallTarget> _targets = new(SymbolPairComparer.Instance);
        private readonly ConcurrentDictionary<ISymbol, Grants?> _attributeGrants = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);
        private readonly ConcurrentBag<(AttributeData Attribute, string Owner)> _grantAttributes = new();
        private readonly ConcurrentDictionary<INamedTypeSymbol, ReceiverTracer> _tracers = new(SymbolEqualityComparer.Default);
        private readonly Lazy<ImmutableArray<string>?> _required;

        public CompilationState(CymbioSymbols symbols, ManifestGrants manifest, IAssemblySymbol assembly)
        {
            _symbols = symbols;
            _manifest = manifest;
            _assembly = assembly;
            _required = new Lazy<ImmutableArray<string>?>(() => ReadRequired(assembly));
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
            if (!CallRequirements.TryGetCall(operation, out var method, out var receiver))
            {
                return;
            }

            receiver = Receiver(receiver);
            var target = Target(method, receiver?.Type);
            if (target.Required.IsEmpty || InsideNameOf(operation) || ContainingType(context.ContainingSymbol) is not { } type)
            {
                return;
            }

            MarkUsed(target, operation, context.CancellationToken);
            var call = new CallSite(operation, context.ContainingSymbol, method, target.Required);
            if (target.InferredEndpoint is { } endpoint)
            {
                context.ReportDiagnostic(Diagnostic.Create(CallSiteDescriptors.InferredEndpoint, call.Location, call.DisplayName, endpoint));
            }

            type = type.OriginalDefinition;
            var tracer = _tracers.TryGetValue(type, out var existing) ? existing : _tracers.GetOrAdd(type, new ReceiverTracer(this, type, context.Compilation));
            if (Judge(call, tracer.Trace(receiver, BlockFacts.Of(operation, _symbols), context.CancellationToken)) is { } diagnostic)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        /// <summary>
        /// What calling <paramref name="method"/> on <paramref name="receiverType"/> means, worked out once per pair: the
        /// scopes it requires (empty when none, or when they cannot be judged) and the id of an inferred endpoint.
        /// </summary>
        private CallTarget Target(IMethodSymbol method, ITypeSymbol? receiverType)
        {
            var key = CallRequirements.Target(method, receiverType);
            return _targets.TryGetValue(key, out var cached) ? cached : _targets.GetOrAdd(key, ReadTarget(key.Method, key.Target));
        }

        private CallTarget ReadTarget(IMethodSymbol method, ISymbol target)
        {
            var references = CallRequirements.Of(method, target);
            return references.Count == 0 || references.Any(static r => r.Kind != ScopeReferenceKind.Literal)
                ? CallTarget.Unscoped
                : new CallTarget(ScopeSymbols.Canonical(references.Select(static r => r.Text)), InferredEndpointId(method));
        }

        /// <summary>
        /// Marks a target's scopes as used by the project (CYM0014) by the generator's rule for the required scopes
        /// (<see cref="CallRequirements.PropagatedBy"/>): a call inside a <c>[CymbioScope]</c> method marks only what
        /// that method does not pass on to its callers. Once a call has marked all of them, every later call of the
        /// target skips the shared set.
        /// </summary>
        private void MarkUsed(CallTarget target, IOperation operation, CancellationToken cancellationToken)
        {
            if (target.Marked || (target.Marked = AllUsed(target.Required)))
            {
                return;
            }

            var model = operation.SemanticModel!;
            var covered = CallRequirements.PropagatedBy(model.GetEnclosingSymbol(operation.Syntax.SpanStart, cancellationToken), model.Compilation, cancellationToken);
            foreach (var scope in target.Required)
            {
                if (!covered.Contains(scope))
                {
                    _used.TryAdd(scope, 0);
                }
            }

            target.Marked = AllUsed(target.Required);
        }

        private bool AllUsed(ImmutableArray<string> scopes)
        {
            foreach (var scope in scopes)
            {
                if (!_used.ContainsKey(scope))
                {
                    return false;
                }
            }

            return true;
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
