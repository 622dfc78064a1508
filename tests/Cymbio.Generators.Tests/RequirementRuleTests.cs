using System.Linq;
using System.Threading.Tasks;
using Cymbio.Tests.Shared.Roslyn;
using Microsoft.CodeAnalysis;
using Xunit;
using static Cymbio.Generators.Tests.DeclarationTest;

namespace Cymbio.Generators.Tests;

/// <summary>
/// Issue 8: the inheritance rule (the nearest default on every path from the declaring interface to the client's),
/// undeclared operations reported where a client would be refused, <c>[CymbioNoScope]</c>, and explicit re-abstractions.
/// </summary>
public sealed class RequirementRuleTests
{
    private const string Usings = """
        using System.Threading.Tasks;
        using Cymbio;
        using Refit;

        """;

    [Fact]
    public async Task DefaultOnAnIntermediateInterface_DeclaresTheInheritedOperation()
    {
        var test = new DeclarationTest(Usings + """
            namespace Sample;

            public interface IChainBaseApi { [Get("/items")] Task<string> List(); }
            [CymbioScope(CymbioScopes.ReadVariants)] public interface IChainMidApi : IChainBaseApi;
            public interface IChainLeafApi : IChainMidApi;
            """);
        await test.RunWithGeneratorAsync();

        var table = GeneratedTable(test, "Sample.IChainLeafApi");
        Assert.Contains(""" "List\tGET\tread:variants\t/items\n";""", table);
    }

    [Fact]
    public async Task OperationUndeclaredOnEveryPath_IsReportedOnTheScopedInterface_AndMarkedUndeclared()
    {
        var test = new DeclarationTest(Usings + """
            namespace Sample;

            public interface IOpenBaseApi { [Get("/open")] Task<string> Open(); }
            [CymbioScope(CymbioScopes.ReadOrders)] public interface IOrdersApi { [Get("/orders")] Task<string> Orders(); }
            public interface {|#0:ILeafApi|} : IOpenBaseApi, IOrdersApi;
            """);
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.MissingRequirement).WithLocation(0).WithArguments("IOpenBaseApi.Open", "ILeafApi"));
        await test.RunWithGeneratorAsync();

        var table = GeneratedTable(test, "Sample.ILeafApi");
        Assert.Contains(""" "Open\tGET\t!\t/open\n" +""", table);
        Assert.Contains(""" "Orders\tGET\tread:orders\t/orders\n";""", table);
    }

    [Fact]
    public async Task EmptyScopeAttribute_DeclaresNothing_NoScopeAttribute_DeclaresNone()
    {
        var test = new DeclarationTest(Usings + """
            namespace Sample;

            [CymbioScope(CymbioScopes.ReadOrders)]
            public interface IUsersApi
            {
                [Get("/users")]
                [CymbioNoScope]
                Task<string> Users();

                [Put("/users")]
                [CymbioScope]
                Task {|#0:Forgotten|}();
            }

            [CymbioNoScope]
            public interface IHealthApi
            {
                [Get("/health")]
                Task<string> Health();

                [Post("/health")]
                Task Ping();
            }
            """);
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.MissingRequirement).WithLocation(0).WithArguments("Forgotten", "IUsersApi"));
        await test.RunWithGeneratorAsync();

        var users = GeneratedTable(test, "Sample.IUsersApi");
        Assert.Contains(""" "Users\tGET\t\t/users\n" +""", users);
        Assert.Contains(""" "Forgotten\tPUT\t!\t/users\n";""", users);
        var health = GeneratedTable(test, "Sample.IHealthApi");
        Assert.Contains(""" "Health\tGET\t\t/health\n" +""", health);
        Assert.Contains(""" "Ping\tPOST\t\t/health\n";""", health);
    }

    [Fact]
    public async Task SeveralPaths_RequireTheUnionOfTheirNearestDefaults()
    {
        var test = new DeclarationTest(Usings + """
            namespace Sample;

            public interface IBaseApi { [Get("/items")] Task<string> List(); }
            [CymbioScope(CymbioScopes.ReadVariants)] public interface IVariantsApi : IBaseApi;
            [CymbioScope(CymbioScopes.ReadInventory)] public interface IInventoryApi : IBaseApi;
            [CymbioScope(CymbioScopes.ReadOrders)] public interface IBothApi : IVariantsApi, IInventoryApi;
            """);
        await test.RunWithGeneratorAsync();

        Assert.Contains(""" "List\tGET\tread:inventory read:variants\t/items\n";""", GeneratedTable(test, "Sample.IBothApi"));
    }

    [Fact]
    public async Task ExplicitReabstraction_IsAnOperationNamedLikeTheBaseMethod()
    {
        var test = new DeclarationTest(Usings + """
            namespace Sample;

            public interface IBaseOp { Task<string> Op(); }
            [CymbioScope(CymbioScopes.ReadOrders)]
            public interface IReabstractApi : IBaseOp
            {
                [Get("/op")]
                abstract Task<string> IBaseOp.Op();
            }
            public interface IDerivedApi : IReabstractApi;
            """);
        await test.RunWithGeneratorAsync();

        foreach (var name in new[] { "Sample.IReabstractApi", "Sample.IDerivedApi" })
        {
            var table = GeneratedTable(test, name);
            Assert.Contains(""" "Op\tGET\tread:orders\t/op\n";""", table);
            Assert.Contains("public static readonly global::Cymbio.ScopeSet Op = s_cymbioScopes[0];", table);
        }
    }

    [Theory]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    [InlineData("\u0085")]
    [InlineData("\r\n")]
    public async Task LineBreakCharactersInARoute_StayInsideTheDocComment(string lineBreak)
    {
        var route = "/line" + lineBreak + "sep";
        var test = new DeclarationTest(Usings + $$"""
            namespace Sample;

            [CymbioScope(CymbioScopes.ReadOrders)]
            public interface ILineApi
            {
                [Get("{{route.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\u2028", "\\u2028").Replace("\u2029", "\\u2029").Replace("\u0085", "\\u0085")}}")]
                Task<string> Get();
            }
            """);
        await test.RunWithGeneratorAsync();
    }

    private static string GeneratedTable(DeclarationTest test, string metadataName)
    {
        var outcome = RoslynTestEnvironment.Run(RoslynTestEnvironment.Compile(test.SourceWithoutMarkup));
        return outcome.Generated(metadataName + ".CymbioScopes.g.cs") ?? throw new Xunit.Sdk.XunitException($"No table was generated for {metadataName}: {string.Join(", ", outcome.HintNames)}");
    }
}
