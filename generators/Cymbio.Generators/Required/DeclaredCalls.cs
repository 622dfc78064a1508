using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cymbio.Generators;

/// <summary>
/// Resolves the usual scoped call, <c>receiver.Method(…)</c>, from declarations, without binding the member body it
/// is in. Any semantic query inside a body binds that body and runs nullable analysis over it. In the generator, which
/// runs on a compilation the compiler then throws away, that costs about as much as compiling the calling code a second
/// time (docs/benchmarks.md, issue 14).
/// <list type="bullet">
/// <item>The receiver's type comes from the local, parameter, field, property or primary-constructor parameter it
/// names, found by syntax and read from declarations.</item>
/// <item>A chain of fields and properties such as <c>cymbio.Supplier.Fulfillments</c> is followed member by member.</item>
/// <item>A <c>var</c> local takes its type from the initializer when the initializer says it outright:
/// <c>new T(…)</c>, a cast, <c>as T</c>, a value as above, or a call of a type's only method with that name (its return
/// type, or its type argument for <c>client.Create&lt;IApi&gt;()</c>).</item>
/// <item>The method is the receiver type's only member with the name, when the arguments fit it one to one.</item>
/// </list>
/// When a shape or name is in any doubt, resolution stops and the call goes through the operation tree, as the analyzer
/// binds it. Examples: a pattern, <c>out</c>, <c>foreach</c>, lambda or query variable of that name; a local declared
/// twice; an overloaded, generic or static method; a conditional access. <c>DeclaredCallsTests</c> checks that every
/// call resolved here binds to the same method and receiver type.
/// </summary>
internal static class DeclaredCalls
{
    /// <summary>The method and receiver type of <paramref name="node"/>, or <see langword="false"/> to bind the call instead.</summary>
    public static bool TryResolve(SemanticModel model, SyntaxNode node, string name, out IMethodSymbol method, out ITypeSymbol? receiverType, CancellationToken cancellationToken)
    {
        method = null!;
        receiverType = null;
        if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax } access } invocation
            || Scope.Of(model, invocation) is not { } scope
            || scope.TypeOf(access.Expression, invocation, cancellationToken) is not INamedTypeSymbol { TypeKind: TypeKind.Interface or TypeKind.Class or TypeKind.Struct } type
            || Members.OnlyMethod(type, name) is not { IsGenericMethod: false, IsStatic: false, IsExtensionMethod: false } only
            || !Members.FitsExactly(only, invocation.ArgumentList))
        {
            return false;
        }

        method = only;
        receiverType = type;
        return true;
    }

    /// <summary>The member a call is in, and what its names mean there.</summary>
    private sealed class Scope
    {
        private readonly SemanticModel _model;
        private readonly SyntaxNode _member;
        private readonly TypeDeclarationSyntax _typeSyntax;
        private INamedTypeSymbol? _type;

        private Scope(SemanticModel model, SyntaxNode member, TypeDeclarationSyntax typeSyntax)
        {
            _model = model;
            _member = member;
            _typeSyntax = typeSyntax;
        }

        /// <summary>The scope of a call in a method, constructor, operator, property or indexer of a type; none elsewhere (top-level statements, field initializers).</summary>
        public static Scope? Of(SemanticModel model, SyntaxNode call)
        {
            var member = call.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            return member is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax && member.Parent is TypeDeclarationSyntax type
                ? new Scope(model, member, type)
                : null;
        }

        private INamedTypeSymbol? Type => _type ??= _model.GetDeclaredSymbol(_typeSyntax);

        /// <summary>The declared type of a receiver expression, or <see langword="null"/> when it is not read from declarations.</summary>
        public ITypeSymbol? TypeOf(ExpressionSyntax expression, SyntaxNode use, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var type = expression switch
            {
                ParenthesizedExpressionSyntax parenthesized => TypeOf(parenthesized.Expression, use, cancellationToken),
                ThisExpressionSyntax => Type,
                IdentifierNameSyntax identifier => NamedValue(identifier.Identifier.ValueText, use, cancellationToken),
                MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax member } access
                    when TypeOf(access.Expression, use, cancellationToken) is INamedTypeSymbol container
                    => Members.OnlyValue(container, member.Identifier.ValueText) is { IsStatic: false } value ? Members.ValueType(value) : null,
                _ => null,
            };
            return type is null or { TypeKind: TypeKind.Error } ? null : type;
        }

        /// <summary>What a simple name means at <paramref name="use"/>: the one local or parameter of the member with that name, else a member of the type.</summary>
        private ITypeSymbol? NamedValue(string name, SyntaxNode use, CancellationToken cancellationToken)
        {
            if (name == "value")
            {
                return null; // a setter's implicit parameter
            }

            VariableDeclaratorSyntax? local = null;
            ParameterSyntax? parameter = null;
            foreach (var node in _member.DescendantNodes())
            {
                switch (node)
                {
                    case VariableDeclaratorSyntax declarator when declarator.Identifier.ValueText == name:
                        if (local is not null)
                        {
                            return null;
                        }

                        local = declarator;
                        break;
                    case ParameterSyntax declared when declared.Identifier.ValueText == name:
                        if (declared.Parent?.Parent != _member)
                        {
                            return null; // a lambda's or a local function's parameter
                        }

                        parameter = declared;
                        break;
                    case SingleVariableDesignationSyntax designation when designation.Identifier.ValueText == name:
                    case ForEachStatementSyntax forEach when forEach.Identifier.ValueText == name:
                    case CatchDeclarationSyntax caught when caught.Identifier.ValueText == name:
                    case LocalFunctionStatementSyntax function when function.Identifier.ValueText == name:
                    case QueryClauseSyntax or QueryContinuationSyntax or TypeParameterSyntax:
                        return null;
                }
            }

            if (local is not null)
            {
                return parameter is null ? LocalType(local, use, cancellationToken) : null;
            }

            if (parameter is not null)
            {
                return (_model.GetDeclaredSymbol(parameter, cancellationToken) as IParameterSymbol) is { RefKind: RefKind.None } symbol ? symbol.Type : null;
            }

            if (Type is not { } type)
            {
                return null;
            }

            if (Members.OnlyValue(type, name) is { } value)
            {
                return Members.ValueType(value);
            }

            // No member of that name: a primary constructor's parameter, read from its declaration.
            return _typeSyntax.ParameterList?.Parameters.FirstOrDefault(p => p.Identifier.ValueText == name) is { } primary
                && Members.OnlyMembersNamed(type, name)
                && _model.GetDeclaredSymbol(primary, cancellationToken) is IParameterSymbol { RefKind: RefKind.None } symbol2
                ? symbol2.Type
                : null;
        }

        /// <summary>The type of a local declared before the use, in a statement that contains it.</summary>
        private ITypeSymbol? LocalType(VariableDeclaratorSyntax local, SyntaxNode use, CancellationToken cancellationToken)
        {
            if (local.Parent is not VariableDeclarationSyntax declaration
                || declaration.Parent is not LocalDeclarationStatementSyntax { Parent: BlockSyntax block }
                || !block.Span.Contains(use.Span)
                || local.Span.End > use.SpanStart
                || local.Initializer is { } initializer && initializer.Value.Span.Contains(use.Span))
            {
                return null;
            }

            if (!declaration.Type.IsVar)
            {
                return BindType(declaration.Type);
            }

            return local.Initializer is { } init ? ValueOf(init.Value, local, cancellationToken) : null;
        }

        /// <summary>The type of an initializer that says it outright.</summary>
        private ITypeSymbol? ValueOf(ExpressionSyntax value, SyntaxNode use, CancellationToken cancellationToken) => value switch
        {
            ObjectCreationExpressionSyntax creation => BindType(creation.Type),
            CastExpressionSyntax cast => BindType(cast.Type),
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AsExpression, Right: TypeSyntax asType } => BindType(asType),
            ParenthesizedExpressionSyntax parenthesized => ValueOf(parenthesized.Expression, use, cancellationToken),
            InvocationExpressionSyntax invocation => ReturnType(invocation, use, cancellationToken),
            _ => TypeOf(value, use, cancellationToken),
        };

        /// <summary>
        /// What <c>receiver.Method(…)</c> or <c>receiver.Method&lt;T&gt;(…)</c> returns, when the receiver's type has only
        /// that method of the name: its return type, or the type argument it returns.
        /// </summary>
        private ITypeSymbol? ReturnType(InvocationExpressionSyntax invocation, SyntaxNode use, CancellationToken cancellationToken)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access
                || TypeOf(access.Expression, use, cancellationToken) is not INamedTypeSymbol receiver
                || Members.OnlyMethod(receiver, access.Name.Identifier.ValueText) is not { IsStatic: false, IsExtensionMethod: false } method
                || !Members.FitsWithOptional(method, invocation.ArgumentList))
            {
                return null;
            }

            var arguments = access.Name is GenericNameSyntax generic ? generic.TypeArgumentList.Arguments : default;
            if (method.TypeParameters.Length != arguments.Count)
            {
                return null;
            }

            if (method.ReturnType is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } returned)
            {
                return BindType(arguments[returned.Ordinal]);
            }

            return method.TypeParameters.IsEmpty && method.ReturnType is INamedTypeSymbol { IsGenericType: false } plain ? plain : null;
        }

        /// <summary>
        /// A type written in the member, bound as a type in its type's body (the file's usings and namespaces, the type's
        /// own scope), not in the member's body. A member with type parameters of its own never gets here (see
        /// <see cref="NamedValue"/>), so none of them can be meant.
        /// </summary>
        private ITypeSymbol? BindType(TypeSyntax type) =>
            _model.GetSpeculativeTypeInfo(_typeSyntax.OpenBraceToken.Span.End, type, SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
    }

    /// <summary>Member lookups by name on a type, its base types and (for an interface) its base interfaces.</summary>
    private static class Members
    {
        /// <summary>The one method with the name; none when the name is overloaded, hidden or anything but a method.</summary>
        public static IMethodSymbol? OnlyMethod(INamedTypeSymbol type, string name)
        {
            var found = Single(type, name);
            return found is IMethodSymbol { MethodKind: MethodKind.Ordinary } method ? method : null;
        }

        /// <summary>The one field or property with the name (an indexer does not count).</summary>
        public static ISymbol? OnlyValue(INamedTypeSymbol type, string name) =>
            Single(type, name) is { } found && ValueType(found) is not null ? found : null;

        /// <summary>Whether no member of the type has the name.</summary>
        public static bool OnlyMembersNamed(INamedTypeSymbol type, string name) => !Named(type, name).Any();

        public static ITypeSymbol? ValueType(ISymbol symbol) => symbol switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol { IsIndexer: false, RefKind: RefKind.None } property => property.Type,
            _ => null,
        };

        /// <summary>The arguments match the parameters one to one, positionally, with no optional, params, ref or named ones to weigh.</summary>
        public static bool FitsExactly(IMethodSymbol method, ArgumentListSyntax arguments) =>
            method.Parameters.Length == arguments.Arguments.Count
            && method.Parameters.All(static p => !p.IsParams && !p.IsOptional && p.RefKind == RefKind.None)
            && Plain(arguments);

        /// <summary>As <see cref="FitsExactly"/>, with trailing optional parameters left out.</summary>
        public static bool FitsWithOptional(IMethodSymbol method, ArgumentListSyntax arguments) =>
            arguments.Arguments.Count <= method.Parameters.Length
            && method.Parameters.All(static p => !p.IsParams && p.RefKind == RefKind.None)
            && method.Parameters.Skip(arguments.Arguments.Count).All(static p => p.IsOptional)
            && Plain(arguments);

        private static bool Plain(ArgumentListSyntax arguments) =>
            arguments.Arguments.All(static a => a.NameColon is null && a.RefKindKeyword.IsKind(SyntaxKind.None));

        private static ISymbol? Single(INamedTypeSymbol type, string name)
        {
            ISymbol? only = null;
            foreach (var member in Named(type, name))
            {
                if (only is not null)
                {
                    return null;
                }

                only = member;
            }

            return only;
        }

        private static IEnumerable<ISymbol> Named(INamedTypeSymbol type, string name)
        {
            if (type.TypeKind == TypeKind.Interface)
            {
                return type.GetMembers(name).Concat(type.AllInterfaces.SelectMany(i => i.GetMembers(name)));
            }

            var members = Enumerable.Empty<ISymbol>();
            for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                members = members.Concat(current.GetMembers(name));
            }

            return members;
        }
    }
}
