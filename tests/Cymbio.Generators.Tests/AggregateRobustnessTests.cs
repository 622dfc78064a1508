using System;
using System.Collections.Generic;
using System.Linq;
using Cymbio.Tests.Shared.Roslyn;
using Xunit;

namespace Cymbio.Generators.Tests;

/// <summary>
/// <c>[CymbioAggregate]</c> on what the generator cannot implement, or on code being typed: the generator never throws,
/// puts no error into generated code, emits no aggregate for a declaration it cannot implement, and the rest of its
/// output (the interfaces' scope tables) is what it is without the declaration.
/// </summary>
public sealed class AggregateRobustnessTests
{
    private const string Interface = """
        using System.Threading.Tasks;
        using Cymbio;
        using Refit;

        namespace Sample;

        public sealed class SomeClass
        {
        }

        [CymbioScope(CymbioScopes.ReadOrders)]
        public interface IOrdersApi
        {
            [Get("/v3/suppliers/{supplierId}/orders")]
            Task<string> ListAsync(long supplierId);
        }

        """;

    /// <summary>Declarations the generator cannot implement: it emits nothing for them.</summary>
    public static TheoryData<string, string> Unimplementable() => new()
    {
        { "not partial", "[CymbioAggregate(CymbioAccount.Supplier, typeof(IOrdersApi))] public sealed class Client { }" },
        { "generic", "[CymbioAggregate(CymbioAccount.Supplier, typeof(IOrdersApi))] public sealed partial class Client<T> { }" },
        { "static", "[CymbioAggregate(CymbioAccount.Supplier, typeof(IOrdersApi))] public static partial class Client { }" },
        { "in a class that is not partial", "public class Outer { [CymbioAggregate(CymbioAccount.Supplier, typeof(IOrdersApi))] public sealed partial class Client { } }" },
        { "typeof a class", "[CymbioAggregate(CymbioAccount.Supplier, typeof(SomeClass))] public sealed partial class Client { }" },
        { "typeof an unknown type", "[CymbioAggregate(CymbioAccount.Supplier, typeof(UnknownType))] public sealed partial class Client { }" },
        { "an interface and an unknown type", "[CymbioAggregate(CymbioAccount.Supplier, typeof(IOrdersApi), typeof(UnknownType))] public sealed partial class Client { }" },
        { "no types", "[CymbioAggregate(CymbioAccount.Supplier)] public sealed partial class Client { }" },
        { "a null type", "[CymbioAggregate(CymbioAccount.Supplier, null)] public sealed partial class Client { }" },
        { "an unbound generic interface", "public interface IRepo<T> { } [CymbioAggregate(CymbioAccount.Supplier, typeof(IRepo<>))] public sealed partial class Client { }" },
        { "no arguments", "[CymbioAggregate] public sealed partial class Client { }" },
        { "on a struct", "[CymbioAggregate(CymbioAccount.Supplier, typeof(IOrdersApi))] public partial struct Client { }" },
    };

    /// <summary>Code in the middle of being typed: whatever is emitted must compile, and nothing else changes.</summary>
    public static TheoryData<string, string> BeingTyped() => new()
    {
        { "attribute not closed", "[CymbioAggregate(CymbioAccount.Supplier, typeof(IOrdersApi)] public sealed partial class Client { }" },
        { "typeof not closed", "[CymbioAggregate(CymbioAccount.Supplier, typeof(IOrdersApi] public sealed partial class Client { }" },
        { "class without a body", "[CymbioAggregate(CymbioAccount.Supplier, typeof(IOrdersApi))] public sealed partial class Client" },
        { "class without a name", "[CymbioAggregate(CymbioAccount.Supplier, typeof(IOrdersApi))] public sealed partial class { }" },
        { "unknown account", "[CymbioAggregate((CymbioAccount)42, typeof(IOrdersApi))] public sealed partial class Client { }" },
        { "account parameter not a string", "[CymbioAggregate(CymbioAccount.Supplier, typeof(IOrdersApi), AccountParameter = 5)] public sealed partial class Client { }" },
        { "account parameter empty", "[CymbioAggregate(CymbioAccount.Supplier, typeof(IOrdersApi), AccountParameter = \"\")] public sealed partial class Client { }" },
        { "account parameter a keyword", "[CymbioAggregate(CymbioAccount.Supplier, typeof(IOrdersApi), AccountParameter = \"class\")] public sealed partial class Client { }" },
        { "the same interface twice", "[CymbioAggregate(CymbioAccount.Supplier, typeof(IOrdersApi), typeof(IOrdersApi))] public sealed partial class Client { }" },
        { "a method being typed in a second interface", """
            public interface IDraftApi { [Get("/v3/suppliers/{supplierId}/drafts")] [CymbioNoScope] Task<Missing> ListAsync(long supplierId, NotAType x); [Get("/b")] [CymbioNoScope] Task BAsync(long supplierId, ); }
            [CymbioAggregate(CymbioAccount.Supplier, typeof(IOrdersApi), typeof(IDraftApi))] public sealed partial class Client { }
            """ },
        { "overloads that differ in the account id only", """
            public interface IPingApi { [Get("/a/{supplierId}")] [CymbioNoScope] Task PingAsync(long supplierId); [Get("/a")] [CymbioNoScope] Task PingAsync(); }
            [CymbioAggregate(CymbioAccount.Supplier, typeof(IPingApi))] public sealed partial class Client { }
            """ },
        { "a property named like the class", "[CymbioAggregate(CymbioAccount.Supplier, typeof(IOrdersApi))] public sealed partial class Orders { }" },
        { "a property the class already declares", "[CymbioAggregate(CymbioAccount.Supplier, typeof(IOrdersApi))] public sealed partial class Client { public int Orders => 1; public sealed class OrdersClient { } }" },
        { "non-finite defaults", """
            public interface INumbersApi { [Get("/a/{supplierId}")] [CymbioNoScope] Task GetAsync(long supplierId, double a = double.NaN, float b = float.PositiveInfinity, double c = double.NegativeInfinity, float d = float.NaN); }
            [CymbioAggregate(CymbioAccount.Supplier, typeof(INumbersApi))] public sealed partial class Client { }
            """ },
        { "a parameter named like a field", """
            public interface IFieldsApi { [Get("/a/{supplierId}/{_api}")] [CymbioNoScope] Task GetAsync(long supplierId, long _api, long _accountId); }
            [CymbioAggregate(CymbioAccount.Supplier, typeof(IFieldsApi))] public sealed partial class Client { }
            """ },
    };

    [Theory]
    [MemberData(nameof(Unimplementable))]
    public void Unimplementable_EmitsNothing_AndLeavesTheRestUnchanged(string name, string declaration)
    {
        var outcome = AssertNoHarm(name, declaration);
        Assert.DoesNotContain(outcome.HintNames, static h => h.EndsWith(Emitter.AggregateHintSuffix, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BeingTyped))]
    public void BeingTyped_NeverCrashes_CompilesWhereItEmits_AndLeavesTheRestUnchanged(string name, string declaration) =>
        AssertNoHarm(name, declaration);

    [Fact]
    public void AValidAggregate_IsEmitted_SoTheCasesAboveTestSomething()
    {
        var outcome = AssertNoHarm("valid", "[CymbioAggregate(CymbioAccount.Supplier, typeof(IOrdersApi))] public sealed partial class Client { }");
        var emitted = outcome.Generated("Sample.Client" + Emitter.AggregateHintSuffix);
        Assert.NotNull(emitted);
        Assert.Contains("public global::System.Threading.Tasks.Task<string> ListAsync()", emitted, StringComparison.Ordinal);
        Assert.Empty(outcome.Errors);
    }

    [Fact]
    public void OverloadsThatBindingMakesEqual_KeepTheFirst_AndParametersNamedLikeFieldsPassThrough()
    {
        var outcome = AssertNoHarm("overloads and field names", """
            public interface IPingApi
            {
                [Get("/a/{supplierId}")] [CymbioNoScope] Task PingAsync(long supplierId, long _api);
                [Get("/a")] [CymbioNoScope] Task PingAsync(long _api);
            }
            [CymbioAggregate(CymbioAccount.Supplier, typeof(IPingApi))] public sealed partial class Client { }
            """);
        var emitted = outcome.Generated("Sample.Client" + Emitter.AggregateHintSuffix)!;

        Assert.Contains("public global::System.Threading.Tasks.Task PingAsync(long _api)", emitted, StringComparison.Ordinal);
        Assert.Single(emitted.Split('\n'), static l => l.Contains("Task PingAsync(", StringComparison.Ordinal));
        Assert.Contains("=> this._api.PingAsync(this._accountId, _api);", emitted, StringComparison.Ordinal);
        Assert.Empty(outcome.Errors);
    }

    [Fact]
    public void MembersTheClassDeclares_KeepTheirNames_AndNonFiniteDefaultsAreWrittenAsConstants()
    {
        var outcome = AssertNoHarm("own members", """
            public interface INumbersApi { [Get("/a/{supplierId}")] [CymbioNoScope] Task GetAsync(long supplierId, double a = double.NaN, float b = float.NegativeInfinity); }
            [CymbioAggregate(CymbioAccount.Supplier, typeof(IOrdersApi), typeof(INumbersApi))] public sealed partial class Client { public int Orders => 1; }
            """);
        var emitted = outcome.Generated("Sample.Client" + Emitter.AggregateHintSuffix)!;

        Assert.Contains("public Orders2Client Orders2 { get; }", emitted, StringComparison.Ordinal);
        Assert.Contains("GetAsync(double a = double.NaN, float b = float.NegativeInfinity)", emitted, StringComparison.Ordinal);
        Assert.Empty(outcome.Errors);
    }

    private static RunOutcome AssertNoHarm(string name, string declaration)
    {
        var outcome = RoslynTestEnvironment.Run(RoslynTestEnvironment.Compile(Interface + declaration));
        Assert.Empty(outcome.Crashes);
        Assert.Empty(outcome.Exceptions);
        Assert.True(!outcome.ErrorsInGeneratedCode.Any(), $"{name}: {string.Join("; ", outcome.ErrorsInGeneratedCode)}");

        // Declarations the aggregate needs (a second interface) are part of the baseline; only the aggregate is removed.
        var withoutAggregate = string.Join('\n', declaration.Split('\n').Where(static l => !l.Contains("CymbioAggregate", StringComparison.Ordinal)));
        var baseline = RoslynTestEnvironment.Run(RoslynTestEnvironment.Compile(Interface + withoutAggregate));
        Assert.Equal(Others(baseline), Others(outcome));
        return outcome;
    }

    private static List<(string HintName, string Text)> Others(RunOutcome outcome) => outcome.Result.Results
        .SelectMany(static r => r.GeneratedSources)
        .Where(static s => !s.HintName.EndsWith(Emitter.AggregateHintSuffix, StringComparison.Ordinal))
        .Select(static s => (s.HintName, s.SourceText.ToString()))
        .OrderBy(static s => s.HintName, StringComparer.Ordinal)
        .ToList();
}
