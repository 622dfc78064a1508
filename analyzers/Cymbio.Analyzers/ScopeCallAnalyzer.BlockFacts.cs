using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Cymbio.Analyzers;

public sealed partial class ScopeCallAnalyzer
{
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

        /// <summary>What the block's locals traced to, filled by <see cref="ReceiverTracer"/> (the block belongs to one type).</summary>
        public ConcurrentDictionary<ISymbol, Grants?> TracedLocals { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>The one value a local ever gets in this block, or <see langword="null"/>.</summary>
        public IOperation? SingleValue(ILocalSymbol local) =>
            !_unknown.Contains(local) && _values.TryGetValue(local, out var list) && list.Count == 1 ? list[0] : null;

        /// <summary>The values added to a local options object's <c>Grants</c>; <see langword="null"/> when it escapes analysis.</summary>
        public IReadOnlyList<IOperation>? GrantAdds(ILocalSymbol local) =>
            _unknown.Contains(local) ? null : _grantAdds.TryGetValue(local, out var list) ? list : Array.Empty<IOperation>();
    }
}
