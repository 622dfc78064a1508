using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Cymbio.Tests.Shared.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Cymbio.Generators.Tests;

/// <summary>docs/reliability.md H5: caching after unrelated and manifest edits, and no Roslyn objects in step outputs.</summary>
public sealed class IncrementalTests
{
    private const string Api = """
        using System.Threading.Tasks;
        using Cymbio;
        using Refit;

        namespace Sample;

        [CymbioScope(CymbioScopes.ReadOrders)]
        public interface IOrdersApi
        {
            [Get("/v3/retailers/{retailerId}/orders")]
            Task<string> ListAsync(long retailerId);
        }

        public interface IInventoryApi
        {
            [Put("/v3/suppliers/{supplierId}/warehouses/{warehouseId}/inventory")]
            [CymbioScope(CymbioScopes.WriteInventory)]
            Task PushAsync(long supplierId, long warehouseId);
        }

        public interface IUsersApi
        {
            [Get("/v3/users")]
            [CymbioNoScope]
            Task<string> ListUsersAsync();
        }

        public interface IRetailerApi : IOrdersApi, IInventoryApi
        {
        }

        [CymbioAggregate(CymbioAccount.Retailer, typeof(IOrdersApi), typeof(IUsersApi))]
        public sealed partial class RetailerClient
        {
            public int Version() => 1;
        }
        """;

    private const string Unrelated = """
        namespace Sample;

        public sealed class Unrelated
        {
            public int Compute(int value) => value * 2;
        }
        """;

    private const string Consumer = """
        using System.Threading.Tasks;

        namespace Sample;

        public sealed class Sync
        {
            private readonly IRetailerApi _api;

            public Sync(IRetailerApi api) => _api = api;

            public async Task<string> RunAsync(long retailerId)
            {
                var id = retailerId;
                return await _api.ListAsync(id);
            }
        }
        """;

    private const string ConsumerManifest = """
        { "scopes": [ { "name": "read:purchase-orders", "description": "Reads purchase orders" } ], "grants": [ "read:orders" ] }
        """;

    private static readonly IncrementalStepRunReason[] Reused = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

    [Fact]
    public void UnrelatedEdit_LeavesEveryStepCachedOrUnchanged()
    {
        var (driver, compilation) = RunOnce();
        var unrelatedTree = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Unrelated.cs", StringComparison.Ordinal));
        var edited = compilation.ReplaceSyntaxTree(
            unrelatedTree,
            CSharpSyntaxTree.ParseText(Unrelated.Replace("value * 2", "value * 2 /* edited */"), RoslynTestEnvironment.ParseOptions, unrelatedTree.FilePath));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Null(result.Exception);
        var steps = TrackedSteps(result);
        Assert.Equal(TrackingNames.All.OrderBy(n => n), steps.Keys.OrderBy(n => n));
        foreach (var (name, runs) in steps)
        {
            foreach (var output in runs.SelectMany(r => r.Outputs))
            {
                Assert.True(Reused.Contains(output.Reason), $"Step {name} was {output.Reason} after an unrelated edit.");
            }
        }

        foreach (var output in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs))
        {
            Assert.True(Reused.Contains(output.Reason), $"An output step was {output.Reason} after an unrelated edit.");
        }
    }

    [Fact]
    public void ManifestEdit_RerunsOnlyTheManifestSteps()
    {
        var (driver, compilation) = RunOnce();
        var before = driver.GetRunResult().GeneratedTrees.Length;
        var oldText = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.ManifestParsed].Single().Inputs.Single().Source;
        Assert.NotNull(oldText);

        driver = driver.ReplaceAdditionalText(
            FindManifest(driver),
            RoslynTestEnvironment.Manifest(ConsumerManifest.Replace("Reads purchase orders", "Reads purchase orders and receipts")));
        driver = driver.RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        var steps = TrackedSteps(result);

        // A description edit changes the parsed and merged manifest and the constants; the constant names it does not.
        foreach (var name in new[] { TrackingNames.ManifestParsed, TrackingNames.ManifestMerged, TrackingNames.ScopeConstants })
        {
            Assert.Contains(steps[name].SelectMany(r => r.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        }

        Assert.All(steps[TrackingNames.ManifestConstantNames].SelectMany(r => r.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));

        foreach (var (name, runs) in steps.Where(s => !TrackingNames.ManifestSteps.Contains(s.Key)))
        {
            foreach (var output in runs.SelectMany(r => r.Outputs))
            {
                Assert.True(Reused.Contains(output.Reason), $"Step {name} was {output.Reason} after a scopes.json edit.");
            }
        }

        Assert.Equal(before, driver.GetRunResult().GeneratedTrees.Length);
        Assert.Contains("Reads purchase orders and receipts", driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith(Emitter.ConstantsHintName, StringComparison.Ordinal)).ToString());
    }

    [Fact]
    public void ScopeEdit_ReemitsThatTable_NotTheRegistrations()
    {
        var (driver, compilation) = RunOnce();
        var apiTree = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Api.cs", StringComparison.Ordinal));
        var edited = compilation.ReplaceSyntaxTree(
            apiTree,
            CSharpSyntaxTree.ParseText(Api.Replace("[CymbioScope(CymbioScopes.ReadOrders)]", "[CymbioScope(CymbioScopes.ReadInventory)]"), RoslynTestEnvironment.ParseOptions, apiTree.FilePath));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Null(result.Exception);
        var steps = TrackedSteps(result);
        Assert.Contains(steps[TrackingNames.ScopeTableSources].SelectMany(r => r.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(steps[TrackingNames.ScopeTableRegistrations].SelectMany(r => r.Outputs), o => Assert.True(Reused.Contains(o.Reason), $"The registrations were {o.Reason}."));
        Assert.Contains("read:inventory", result.GeneratedSources.Single(s => s.HintName.EndsWith("IOrdersApi.CymbioScopes.g.cs", StringComparison.Ordinal)).SourceText.ToString());
    }

    [Fact]
    public void AggregateBodyEdit_ReemitsNothing()
    {
        var (driver, compilation) = RunOnce();
        var result = Rerun(driver, compilation, "public int Version() => 1;", "public int Version() => 2; // edited");

        var steps = TrackedSteps(result);
        Assert.All(steps[TrackingNames.Aggregates].SelectMany(r => r.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        foreach (var output in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs))
        {
            Assert.True(Reused.Contains(output.Reason), $"An output step was {output.Reason} after an edit inside the aggregate's method.");
        }
    }

    [Fact]
    public void InterfaceEdit_ReemitsTheAggregate()
    {
        var (driver, compilation) = RunOnce();
        var result = Rerun(driver, compilation, "Task<string> ListUsersAsync();", "Task<string> ListUsersAsync();\n\n    [Get(\"/v3/users/{id}\")]\n    [CymbioNoScope]\n    Task<string> GetUserAsync(long id);");

        var steps = TrackedSteps(result);
        Assert.Contains(steps[TrackingNames.Aggregates].SelectMany(r => r.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        var aggregate = result.GeneratedSources.Single(s => s.HintName.EndsWith(Emitter.AggregateHintSuffix, StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("GetUserAsync(long id)", aggregate, StringComparison.Ordinal);
    }

    [Fact]
    public void ScopeEdit_ChangesTheWrappersScope()
    {
        var (driver, compilation) = RunOnce();
        var result = Rerun(driver, compilation, "[CymbioScope(CymbioScopes.ReadOrders)]", "[CymbioScope(CymbioScopes.ReadInventory)]");

        var aggregate = result.GeneratedSources.Single(s => s.HintName.EndsWith(Emitter.AggregateHintSuffix, StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("[global::Cymbio.CymbioScope(\"read:inventory\")]", aggregate, StringComparison.Ordinal);
        Assert.DoesNotContain("read:orders", aggregate, StringComparison.Ordinal);
    }

    [Fact]
    public void BodyEditThatChangesNoScopedCall_ReemitsNothing()
    {
        var (driver, compilation) = RunOnce();

        // Two lines more above the call: it moves, its scopes do not.
        var result = RerunConsumer(driver, compilation, "var id = retailerId;", "var id = retailerId;\n        id += 0;\n        id *= 1;");

        var steps = TrackedSteps(result);
        Assert.Contains(steps[TrackingNames.ScopedCalls].SelectMany(r => r.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        foreach (var name in new[] { TrackingNames.CallScopes, TrackingNames.ProjectRequiredScopes, TrackingNames.RequiredScopes })
        {
            Assert.All(steps[name].SelectMany(r => r.Outputs), o => Assert.True(Reused.Contains(o.Reason), $"Step {name} was {o.Reason} after moving a call."));
        }

        foreach (var output in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs))
        {
            Assert.True(Reused.Contains(output.Reason), $"An output step was {output.Reason} after an edit that changes no scoped call.");
        }
    }

    [Fact]
    public void ANewScopedCall_ReemitsTheRequiredScopes()
    {
        var (driver, compilation) = RunOnce();
        Assert.Contains("CymbioRequiredScopes(\"read:orders\")]", RequiredScopesSource(driver.GetRunResult().Results.Single()), StringComparison.Ordinal);

        var result = RerunConsumer(driver, compilation, "return await _api.ListAsync(id);", "await _api.PushAsync(1, 2);\n        return await _api.ListAsync(id);");

        Assert.Contains(TrackedSteps(result)[TrackingNames.RequiredScopes].SelectMany(r => r.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("CymbioRequiredScopes(\"read:orders\", \"write:inventory\")]", RequiredScopesSource(result), StringComparison.Ordinal);
    }

    [Fact]
    public void StepOutputs_HoldNoSymbolsSyntaxCompilationsOrLocations()
    {
        var (driver, compilation) = RunOnce();
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Sample { public sealed class More { } }", RoslynTestEnvironment.ParseOptions, "/0/More.cs"));
        foreach (var run in new[] { driver.GetRunResult(), driver.RunGenerators(edited).GetRunResult() })
        {
            var result = run.Results.Single();
            var walked = 0;
            var all = TrackedSteps(result).Select(p => (p.Key, p.Value))
                .Concat(result.TrackedOutputSteps.Select(p => (p.Key, (IReadOnlyList<IncrementalGeneratorRunStep>)p.Value)));
            foreach (var (name, runs) in all)
            {
                foreach (var (value, _) in runs.SelectMany(r => r.Outputs))
                {
                    walked += AssertNoRoslynObjects(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
                }
            }

            Assert.True(walked > 20, $"Only {walked} values were walked; the walk is not looking at the models.");
        }
    }

    private static (GeneratorDriver Driver, Compilation Compilation) RunOnce()
    {
        var compilation = RoslynTestEnvironment.Compile(new[] { (Api, "/0/Api.cs"), (Unrelated, "/0/Unrelated.cs"), (Consumer, "/0/Consumer.cs") });
        var driver = RoslynTestEnvironment.CreateDriver(new[] { RoslynTestEnvironment.Manifest(ConsumerManifest) }, trackSteps: true).RunGenerators(compilation);
        var first = driver.GetRunResult();
        Assert.Null(first.Results.Single().Exception);
        Assert.Equal(8, first.GeneratedTrees.Length); // four scope tables, the module initializer registering them, the constants, the aggregate and the required scopes
        return (driver, compilation);
    }

    private static GeneratorRunResult Rerun(GeneratorDriver driver, Compilation compilation, string oldText, string newText)
    {
        var apiTree = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Api.cs", StringComparison.Ordinal));
        Assert.Contains(oldText, Api, StringComparison.Ordinal);
        var edited = compilation.ReplaceSyntaxTree(apiTree, CSharpSyntaxTree.ParseText(Api.Replace(oldText, newText), RoslynTestEnvironment.ParseOptions, apiTree.FilePath));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return result;
    }

    private static GeneratorRunResult RerunConsumer(GeneratorDriver driver, Compilation compilation, string oldText, string newText)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Consumer.cs", StringComparison.Ordinal));
        Assert.Contains(oldText, Consumer, StringComparison.Ordinal);
        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(Consumer.Replace(oldText, newText), RoslynTestEnvironment.ParseOptions, tree.FilePath));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return result;
    }

    private static string RequiredScopesSource(GeneratorRunResult result) =>
        result.GeneratedSources.Single(s => s.HintName == Emitter.RequiredScopesHintName).SourceText.ToString();

    private static AdditionalText FindManifest(GeneratorDriver driver) =>
        (AdditionalText)driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.ManifestParsed].Single().Inputs.Single().Source.Outputs.Single().Value;

    /// <summary>The generator's own named steps (Roslyn's input steps, such as the compilation itself, are not ours to judge).</summary>
    private static Dictionary<string, IReadOnlyList<IncrementalGeneratorRunStep>> TrackedSteps(GeneratorRunResult result) =>
        result.TrackedSteps.Where(p => TrackingNames.All.Contains(p.Key)).ToDictionary(p => p.Key, p => (IReadOnlyList<IncrementalGeneratorRunStep>)p.Value);

    private static int AssertNoRoslynObjects(object? value, string step, HashSet<object> seen, int depth)
    {
        if (value is null || depth > 12 || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return 1;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxTree or Compilation or SemanticModel or Location,
            $"Step {step} holds a {value.GetType().FullName}, which roots a compilation and defeats caching.");

        if (!value.GetType().IsValueType && !seen.Add(value))
        {
            return 0;
        }

        var count = 1;
        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                count += AssertNoRoslynObjects(item, step, seen, depth + 1);
            }

            if (value.GetType().Namespace?.StartsWith("System.Collections", StringComparison.Ordinal) == true)
            {
                return count;
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            count += AssertNoRoslynObjects(field.GetValue(value), step, seen, depth + 1);
        }

        return count;
    }
}
