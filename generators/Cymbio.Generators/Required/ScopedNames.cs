using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cymbio.Generators;

/// <summary>
/// The names of the methods a scoped call can go to, so that the required-scopes step binds only calls that may be
/// scoped: the other calls of a project (most of them) are never bound, which would cost about as much as compiling
/// their method bodies. A superset is harmless (the call is bound and found unscoped); a name missing would lose a
/// call, so every method of a scoped interface counts, and every method with an attribute named like
/// <c>[CymbioScope]</c>.
/// </summary>
internal sealed class ScopedNames
{
    // Referenced assemblies are the same symbols from one compilation to the next while the references do not
    // change; the project's own names are read once per compilation, from declarations only (no method bodies).
    private static readonly ConditionalWeakTable<IAssemblySymbol, HashSet<string>> Referenced = new();
    private static readonly ConditionalWeakTable<Compilation, ScopedNames> PerCompilation = new();

    private readonly HashSet<string> _own;
    private readonly List<HashSet<string>> _referenced;

    private ScopedNames(HashSet<string> own, List<HashSet<string>> referenced)
    {
        _own = own;
        _referenced = referenced;
    }

    /// <summary>The names for <paramref name="compilation"/>, read once.</summary>
    public static ScopedNames For(Compilation compilation) => PerCompilation.GetValue(compilation, Create);

    /// <summary>Whether a call of a method named <paramref name="name"/> may be scoped.</summary>
    public bool Contains(string name)
    {
        if (_own.Contains(name))
        {
            return true;
        }

        foreach (var names in _referenced)
        {
            if (names.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    private static ScopedNames Create(Compilation compilation)
    {
        var own = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            AddDeclared(tree.GetRoot(), own);
        }

        var referenced = new List<HashSet<string>>();
        var runtime = compilation.GetTypeByMetadataName(ScopeSymbols.ScopeAttributeMetadataName)?.ContainingAssembly.Name;
        if (runtime is not null)
        {
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                // Cymbio.Client itself declares no scoped operation: its types are not walked.
                if (assembly.Name != runtime && ScopeSymbols.References(assembly, runtime))
                {
                    referenced.Add(Referenced.GetValue(assembly, ReadReferenced));
                }
            }
        }

        return new ScopedNames(own, referenced);
    }

    /// <summary>Method names of interfaces, and of methods with a <c>CymbioScope</c> attribute, from declarations (bodies are not walked).</summary>
    private static void AddDeclared(SyntaxNode root, HashSet<string> names)
    {
        foreach (var node in root.DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            if (node is MethodDeclarationSyntax method
                && (method.Parent is InterfaceDeclarationSyntax || HasScopeAttribute(method.AttributeLists)))
            {
                names.Add(method.Identifier.ValueText);
            }
        }
    }

    private static bool HasScopeAttribute(SyntaxList<AttributeListSyntax> lists)
    {
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                var name = attribute.Name switch
                {
                    QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                    AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => string.Empty,
                };
                if (name is "CymbioScope" or "CymbioScopeAttribute")
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Methods of a referenced assembly's scoped interfaces, and its methods with <c>[CymbioScope]</c>.</summary>
    private static HashSet<string> ReadReferenced(IAssemblySymbol assembly)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var types = new Stack<INamespaceOrTypeSymbol>();
        types.Push(assembly.GlobalNamespace);
        while (types.Count > 0)
        {
            foreach (var member in types.Pop().GetMembers())
            {
                if (member is INamespaceOrTypeSymbol container)
                {
                    types.Push(container);
                }

                if (member is INamedTypeSymbol type)
                {
                    var scopedInterface = type.TypeKind == TypeKind.Interface && (ScopeSymbols.DeclaresScopes(type) || ScopeSymbols.InheritsScopes(type));
                    foreach (var typeMember in type.GetMembers())
                    {
                        if (typeMember is IMethodSymbol method && (scopedInterface || ScopeSymbols.HasScopeAttribute(method)))
                        {
                            names.Add(method.Name);
                        }
                    }
                }
            }
        }

        return names;
    }
}
