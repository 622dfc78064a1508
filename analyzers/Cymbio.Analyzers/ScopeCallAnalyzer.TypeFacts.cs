using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cymbio.Analyzers;

public sealed partial class ScopeCallAnalyzer
{
    /// <summary>
    /// The per-type facts the receiver tracer reads: the values the type's own constructors, initializers and getters
    /// give its fields and properties. Collected once per type, on demand; thread-safe.
    /// </summary>
    private sealed class TypeFacts
    {
        private readonly INamedTypeSymbol _type;
        private readonly Compilation _compilation;
        private readonly CymbioSymbols _symbols;
        private readonly object _membersGate = new();
        private Dictionary<ISymbol, List<(IOperation Value, BlockFacts Facts)>>? _members;

        public TypeFacts(INamedTypeSymbol type, Compilation compilation, CymbioSymbols symbols)
        {
            _type = type;
            _compilation = compilation;
            _symbols = symbols;
        }

        /// <summary>The one value an own field or property ever gets (constructors, initializers, a getter), or <see langword="null"/>.</summary>
        public (IOperation Value, BlockFacts Facts)? SingleMemberValue(ISymbol member, CancellationToken cancellationToken)
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
                        BlockFacts.Collect(body, _symbols, owner, Add);
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
    }
}
