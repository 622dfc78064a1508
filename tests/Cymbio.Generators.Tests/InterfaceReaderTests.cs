using System.Linq;
using Cymbio.Tests.Shared.Roslyn;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Cymbio.Generators.Tests;

/// <summary>
/// The reader takes parameter types from syntax where it can, to spare binding the methods' signatures
/// (docs/benchmarks.md, "Issue 10: generator at ≤ 0.5× Refit 17"); the models must be exactly what reading the symbols gives.
/// </summary>
public sealed class InterfaceReaderTests
{
    private const string Shapes = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Cymbio;
        using Refit;
        using Alias = Sample.Models.Thing;
        using IntAlias = System.Int32;
        using ListAlias = System.Collections.Generic.List<int>;

        namespace Sample.Models
        {
            public sealed class Thing { }

            public sealed class Outer
            {
                public sealed class Nested { }
            }

            public struct Point { }

            public enum Kind { A }
        }

        namespace Sample
        {
            using Sample.Models;

            [CymbioScope("read:orders")]
            public interface IShapesApi
            {
                [Get("/a")] Task A(long a, int b, string c, object d, bool e, decimal f, char g, byte h, double i, float j);
                [Get("/b")] Task B(Thing a, Alias b, IntAlias c, Int64 d, String e, Object f, Point g, Kind h, Guid i, DateTime j);
                [Get("/c")] Task C(string? a, Thing? b, int? c, Point? d, List<int> e, ListAlias f, int[] g, (int, string) h, Outer.Nested i, System.Int32 j);
                [Get("/d")] Task D<T>(T a, T? b, IList<T> c, dynamic d, nint e, nuint f, global::Sample.Models.Thing g, Sample.Models.Thing h);
                [Get("/e")] Task E(ref int a, in long b, out string c, params int[] d);
                [Get("/f")] Task F(Missing a, [Body] Thing b, [Query] long c = 1);
                [Get("/g")] Task G();
            }

            public interface IBaseApi
            {
                [Get("/base")]
                [CymbioScope("read:orders")]
                Task Base(Thing a, long b);
            }

            [CymbioScope("read:orders")]
            public interface IDerivedApi : IBaseApi
            {
                [Get("/derived")] Task Derived(Outer.Nested a, long b);
            }

            public sealed class Host
            {
                public sealed class Inner { }

                [CymbioScope("read:orders")]
                public interface INestedApi
                {
                    [Get("/n")] Task N(Inner a, Thing b);
                }
            }
        }
        """;

    [Theory]
    [InlineData("Sample.IShapesApi")]
    [InlineData("Sample.IDerivedApi")]
    [InlineData("Sample.IBaseApi")]
    [InlineData("Sample.Host+INestedApi")]
    public void WithTheSemanticModel_TheModelIsWhatTheSymbolsGive(string interfaceName)
    {
        var compilation = RoslynTestEnvironment.Compile(Shapes);
        var type = compilation.GetTypeByMetadataName(interfaceName)!;
        var tree = type.DeclaringSyntaxReferences.Single().SyntaxTree;

        var fromSymbols = InterfaceReader.Read(type, compilation, default);
        var fromSyntax = InterfaceReader.Read(type, compilation, compilation.GetSemanticModel(tree), default);

        Assert.NotNull(fromSymbols);
        Assert.NotEmpty(fromSymbols!.Operations);
        Assert.Equal(fromSymbols.Operations.Select(o => o.Signature), fromSyntax!.Operations.Select(o => o.Signature));
        Assert.Equal(fromSymbols, fromSyntax);
    }

    [Fact]
    public void SignaturesOfTheShapes_AreTheMinimallyQualifiedDisplay()
    {
        var compilation = RoslynTestEnvironment.Compile(Shapes);
        var type = compilation.GetTypeByMetadataName("Sample.IShapesApi")!;
        var model = InterfaceReader.Read(type, compilation, compilation.GetSemanticModel(type.DeclaringSyntaxReferences.Single().SyntaxTree), default)!;

        foreach (var operation in model.Operations)
        {
            var method = type.GetMembers(operation.MethodName).OfType<IMethodSymbol>().Single();
            var expected = method.Name
                + (method.TypeParameters.Length > 0 ? "<" + string.Join(", ", method.TypeParameters.Select(p => p.Name)) + ">" : string.Empty)
                + "(" + string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat))) + ")";
            Assert.Equal(expected, operation.Signature);
        }

        Assert.Contains(model.Operations, o => o.Signature == "A(long, int, string, object, bool, decimal, char, byte, double, float)");
        Assert.Contains(model.Operations, o => o.Signature == "B(Thing, Thing, int, long, string, object, Point, Kind, Guid, DateTime)");
    }
}
