using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Cymbio.Tests.Shared.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Cymbio.Generators.Tests;

/// <summary>
/// The generator reads methods' attributes from syntax where it can and finds method-level <c>[CymbioScope]</c> without
/// <c>ForAttributeWithMetadataName</c> (docs/benchmarks.md, "Issue 10: syntax-read method attributes"); what it finds
/// and generates must be exactly what reading the symbols gives, for every way of writing the attributes.
/// </summary>
public sealed class MethodAttributeReaderTests
{
    private const string Spellings = """"
        using System.Diagnostics.CodeAnalysis;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Cymbio;
        using Refit;
        using S = Cymbio.CymbioScopeAttribute;
        using N = Cymbio.CymbioNoScopeAttribute;
        using R = Refit;

        namespace D
        {
            public static class Routes { public const string A = "/const"; }

            public static class Scopes { public const string Read = "read:orders"; }

            public sealed class CustomAttribute : HttpMethodAttribute
            {
                public CustomAttribute(string path) : base(path) { }

                public override HttpMethod Method => HttpMethod.Get;
            }

            public sealed class OtherAttribute : System.Attribute { }

            public interface IPlainApi
            {
                [Get("/a")] [CymbioScope("read:orders")] Task A();
                [Post("/b")] [CymbioScope("write:orders", "read:orders")] [Other] Task B();
                [Put("/c")] Task C();
                [Delete("/d"), CymbioNoScope] Task D();
                [Patch("/e")] [CymbioScope] Task E();
                [Head("/f")] [CymbioScope("read:orders")] [CymbioScope("write:orders")] Task F();
                [Options("/g")] [CymbioScope("read:orders")] Task G();
                [Get("/h")] [Post("/h2")] [CymbioScope("read:orders")] Task H();
                [CymbioScope("read:orders")] Task NotRefit();
                [method: Get("/i")] [method: CymbioScope("read:orders")] Task I();
                [Get("/j\\k\u0041")] [CymbioScope(@"read:orders", """write:orders""")] Task J();
            }

            public interface IAliasApi { [R.Get("/a")] [S("read:orders")] Task A(); [Get("/b")] [N] Task B(); [Get("/c")] Task C(); }

            public interface IQualifiedApi { [Refit.Get("/a")] [Cymbio.CymbioScope("read:orders")] Task A(); [global::Refit.Get("/b")] [global::Cymbio.CymbioScopeAttribute("read:orders")] Task B(); }

            public interface ISuffixApi { [GetAttribute("/a")] [CymbioScopeAttribute("read:orders", "write:orders")] Task A(); [Get("/b")] [CymbioNoScopeAttribute] Task B(); }

            public interface IGlobalAliasApi { [Get("/a")] [GS("read:orders")] Task A(); }

            public interface IGenericApi { [Get("/a")] [CymbioScope("read:orders")] Task A<T>(T x); }

            public interface IReturnTargetApi { [Get("/a")] [CymbioScope("read:orders")] [return: NotNull] Task A(); }

            public interface IConstantsApi { [Get(Routes.A)] [CymbioScope(Scopes.Read)] Task A(); [Get("/b")] [CymbioScope(new[] { "read:orders" })] Task B(); [Get("/c")] [CymbioScope(null)] Task C(); }

            public interface ICustomVerbApi { [Custom("/c")] [CymbioScope("read:orders")] Task C(); [Get("/d")] [CymbioScope("read:orders")] Task D(); }

            public interface IShadowApi
            {
                [Get("/a")] [CymbioScope("read:orders")] Task A();

                public sealed class Get { }
            }

            [CymbioScope("read:orders")]
            public interface IInterfaceScopedApi { [Get("/a")] [CymbioScope("write:orders")] Task A(); [Get("/b")] Task B(); }

            public partial interface IPartialApi { [Get("/a")] [CymbioScope("read:orders")] Task A(); }

            public interface IDerivedApi : IPlainApi { [Get("/derived")] Task Derived(); }

            public interface IUnscopedRefitApi { [Get("/a")] Task A(); }

            public interface IOnlyNoScopeApi { [Get("/a")] [CymbioNoScope] Task A(); }
        }

        namespace D2
        {
            public sealed class GetAttribute : System.Attribute { public GetAttribute(string path) { } }

            public interface ILocalGetApi { [Get("/x")] [CymbioScope("read:orders")] Task X(); [Post("/y")] [CymbioScope("write:orders")] Task Y(); }
        }
        """";

    private const string Other = """
        global using GS = Cymbio.CymbioScopeAttribute;
        using System.Threading.Tasks;
        using Refit;

        namespace D
        {
            public partial interface IPartialApi { [Get("/b")] Task B(); }
        }
        """;

    [Fact]
    public void Generator_FindsAndReadsEverySpelling_AsTheSymbolsGive()
    {
        var compilation = RoslynTestEnvironment.Compile(Spellings, Other);
        var outcome = RoslynTestEnvironment.Run(compilation);
        Assert.Empty(outcome.Crashes);
        Assert.Empty(outcome.Exceptions);

        var expected = ExpectedTables(compilation);
        var generated = outcome.Result.Results.SelectMany(r => r.GeneratedSources)
            .Where(s => s.HintName.EndsWith(Emitter.HintSuffix, StringComparison.Ordinal))
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        Assert.Equal(expected.Keys.OrderBy(k => k, StringComparer.Ordinal), generated.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (hintName, text) in expected)
        {
            Assert.Equal(text, generated[hintName]);
        }

        foreach (var name in new[] { "IPlainApi", "IAliasApi", "IQualifiedApi", "ISuffixApi", "IGlobalAliasApi", "IGenericApi", "IReturnTargetApi", "IConstantsApi", "ICustomVerbApi", "IShadowApi", "IInterfaceScopedApi", "IPartialApi", "IDerivedApi", "IOnlyNoScopeApi" })
        {
            Assert.Contains("D." + name + Emitter.HintSuffix, generated.Keys);
        }

        Assert.Contains("D2.ILocalGetApi" + Emitter.HintSuffix, generated.Keys);
        Assert.DoesNotContain("D.IUnscopedRefitApi" + Emitter.HintSuffix, generated.Keys);
    }

    [Theory]
    [InlineData("D.IPlainApi")]
    [InlineData("D.IAliasApi")]
    [InlineData("D.IQualifiedApi")]
    [InlineData("D.ISuffixApi")]
    [InlineData("D.IGlobalAliasApi")]
    [InlineData("D.IGenericApi")]
    [InlineData("D.IReturnTargetApi")]
    [InlineData("D.IConstantsApi")]
    [InlineData("D.ICustomVerbApi")]
    [InlineData("D.IShadowApi")]
    [InlineData("D.IInterfaceScopedApi")]
    [InlineData("D.IDerivedApi")]
    [InlineData("D.IOnlyNoScopeApi")]
    [InlineData("D2.ILocalGetApi")]
    public void WithTheReader_TheModelIsWhatTheSymbolsGive(string interfaceName)
    {
        var compilation = RoslynTestEnvironment.Compile(Spellings, Other);
        var type = compilation.GetTypeByMetadataName(interfaceName)!;
        var tree = type.DeclaringSyntaxReferences.First().SyntaxTree;

        var fromSymbols = InterfaceReader.Read(type, compilation, default);
        var fromSyntax = InterfaceReader.Read(type, compilation, compilation.GetSemanticModel(tree), default);

        Assert.NotNull(fromSymbols);
        Assert.Equal(fromSymbols, fromSyntax);
    }

    [Fact]
    public void TheUsualShapes_AreReadFromSyntax_TheOthersLeftToTheSymbols()
    {
        var compilation = RoslynTestEnvironment.Compile(Spellings, Other);
        var tree = compilation.SyntaxTrees.First();
        var reader = new MethodAttributeReader(compilation.GetSemanticModel(tree));
        var read = new Dictionary<string, OwnAttributes?>(StringComparer.Ordinal);
        foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            if (method.Parent is InterfaceDeclarationSyntax parent)
            {
                read[parent.Identifier.ValueText + "." + method.Identifier.ValueText] = reader.TryRead(method, parent, out var own) ? own : null;
            }
        }

        // Read from syntax: simple names, lists, method: targets, escapes, unrelated attributes, a local GetAttribute.
        foreach (var name in new[] { "IPlainApi.A", "IPlainApi.B", "IPlainApi.C", "IPlainApi.D", "IPlainApi.E", "IPlainApi.F", "IPlainApi.G", "IPlainApi.H", "IPlainApi.NotRefit", "IPlainApi.I", "IPlainApi.J", "ISuffixApi.A", "ISuffixApi.B", "ICustomVerbApi.D", "ILocalGetApi.X" })
        {
            Assert.True(read[name] is not null, name);
        }

        // Left to the symbols: aliases, qualified names, generic methods, other targets, non-literal arguments, a custom
        // HTTP attribute, a name that a nested type shadows.
        foreach (var name in new[] { "IAliasApi.A", "IAliasApi.B", "IQualifiedApi.A", "IQualifiedApi.B", "IGlobalAliasApi.A", "IGenericApi.A", "IReturnTargetApi.A", "IConstantsApi.A", "IConstantsApi.B", "IConstantsApi.C", "ICustomVerbApi.C", "IShadowApi.A" })
        {
            Assert.True(read[name] is null, name);
        }

        var h = read["IPlainApi.H"]!.Value;
        Assert.Equal(("GET", "/h"), (h.Verb, h.Route));
        var j = read["IPlainApi.J"]!.Value;
        Assert.Equal("/j\\kA", j.Route);
        Assert.Equal(new[] { "read:orders", "write:orders" }, j.Scopes.Select(s => s.Text));
        Assert.False(read["ILocalGetApi.X"]!.Value.HasHttp);
        Assert.True(read["IPlainApi.E"]!.Value is { HasScope: true, Scopes.Count: 0 });
    }

    /// <summary>The tables reading the symbols gives: every interface that declares or inherits scopes, read without a semantic model.</summary>
    private static Dictionary<string, string> ExpectedTables(Compilation compilation)
    {
        var models = new List<InterfaceModel?>();
        foreach (var type in AllTypes(compilation.Assembly.GlobalNamespace))
        {
            if (type.TypeKind == TypeKind.Interface && (ScopeSymbols.DeclaresScopes(type) || ScopeSymbols.InheritsScopes(type)))
            {
                models.Add(InterfaceReader.Read(type, compilation, default));
            }
        }

        return ScopeTableModels.Distinct(models.ToImmutableArray())
            .ToDictionary(m => m.HintName, m => Emitter.EmitScopeTable(ScopeTableModels.Resolve(m, EquatableArray<ConstantName>.Empty)).ToString());
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                foreach (var type in AllTypes(ns))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol type)
            {
                yield return type;
                foreach (var nested in AllTypes(type))
                {
                    yield return nested;
                }
            }
        }
    }
}
