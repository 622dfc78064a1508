using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Cymbio.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Cymbio.Analyzers;

public sealed partial class ScopeCallAnalyzer
{
    /// <summary>
    /// Grant source 1 (docs/architecture.md) for the calls of one type: the provider behind a receiver, through locals, the type's own
    /// fields and properties, factories and constructors. Thread-safe: the calls of one type are judged concurrently.
    /// </summary>
    private sealed class ReceiverTracer
    {
        private const int MaxDepth = 12;

        private readonly CompilationState _state;
        private readonly INamedTypeSymbol _type;
        private readonly ConcurrentDictionary<ISymbol, Grants?> _tracedMembers = new(SymbolEqualityComparer.Default);
        private readonly TypeFacts _typeFacts;

        public ReceiverTracer(CompilationState state, INamedTypeSymbol type, Compilation compilation)
        {
            _state = state;
            _type = type;
            _typeFacts = new TypeFacts(type, compilation, state.Symbols);
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
                    return facts.TracedLocals.TryGetValue(local.Local, out var tracedLocal)
                        ? tracedLocal
                        : Remember(facts.TracedLocals, local.Local, facts.SingleValue(local.Local) is { } localValue ? Trace(localValue, facts, local.Local, depth + 1, cancellationToken) : null);

                // cymbio.Supplier.Fulfillments: an aggregate client, or its part, comes from its receiver (the C# 14
                // extension property cymbio.Supplier included, however the compiler models its receiver).
                case IPropertyReferenceOperation property when Symbols.IsAggregateOrPart(property.Type) && !IsOwn(property, _type):
                    return Trace(AggregateReceiver(property), facts, null, depth + 1, cancellationToken);

                case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member when IsOwn(member, _type) && member is not IPropertyReferenceOperation { Arguments.Length: > 0 }:
                    return _tracedMembers.TryGetValue(member.Member.OriginalDefinition, out var tracedMember)
                        ? tracedMember
                        : Remember(_tracedMembers, member.Member.OriginalDefinition, _typeFacts.SingleMemberValue(member.Member, cancellationToken) is { } memberValue ? Trace(memberValue.Value, memberValue.Facts, null, depth + 1, cancellationToken) : null);

                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if (CymbioSymbols.Is(method.ContainingType, Symbols.Client) && method.Name is "Create" or "Aggregate")
                    {
                        return Trace(invocation.Instance, facts, null, depth + 1, cancellationToken);
                    }

                    if (Symbols.IsAggregateOrPart(invocation.Type) && (invocation.Instance ?? ArgumentOfType(invocation.Arguments, Symbols.Client)) is { } owner)
                    {
                        return Trace(owner, facts, null, depth + 1, cancellationToken);
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

        /// <summary>The value an aggregate property is read from: its instance, or for an extension property the expression before the dot.</summary>
        private static IOperation? AggregateReceiver(IPropertyReferenceOperation property)
        {
            if (property.Instance is { } instance)
            {
                return instance;
            }

            if (property.Arguments.Length > 0)
            {
                return property.Arguments[0].Value;
            }

            return property.Syntax is MemberAccessExpressionSyntax access ? property.SemanticModel?.GetOperation(access.Expression) : null;
        }

        /// <summary>
        /// Remembers what a local (in its block's facts) or an own member (here) traced to: the calls of a block or a type
        /// usually share a few receivers. The local's cache lives with its block, so nothing here keeps blocks alive.
        /// </summary>
        private static Grants? Remember(ConcurrentDictionary<ISymbol, Grants?> cache, ISymbol symbol, Grants? grants)
        {
            cache.TryAdd(symbol, grants);
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
    }
}
