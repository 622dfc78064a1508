using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Cymbio.Analyzers.Tests.Sources;
using static Cymbio.Analyzers.Tests.Verify;

namespace Cymbio.Analyzers.Tests;

/// <summary>Each grant source of docs/architecture.md ("Where grants come from"), in order, and the precedence between them.</summary>
public sealed class GrantSourceTests
{
    private static CallSiteTest<ScopeCallAnalyzer> Test(string code) => new CallSiteTest<ScopeCallAnalyzer>(Api, Usings + code).WithoutUnusedGrants();

    [Fact]
    public async Task OptionsTracedThroughLocals_ReportsTheMissingScope()
    {
        await Test("""
            namespace Sample;

            public static class Sync
            {
                public static async Task RunAsync()
                {
                    using var cymbio = new CymbioClient(new CymbioClientOptions { ClientId = "id", Grants = { CymbioScopes.ReadOrders } });
                    var api = cymbio.Create<IFulfillmentsApi>();
                    await api.ListAsync(1);
                    await api.{|#0:AcceptAsync|}(1, 2);
                }
            }
            """).Expect(Missing(0, "IFulfillmentsApi.AcceptAsync", "'write:fulfillments'", "the grants of the CymbioClientOptions created at line 11")).RunWithGeneratorAsync();
    }

    [Fact]
    public async Task OptionsLocalWithGrantsAdded_AreTheGrants()
    {
        await Test("""
            namespace Sample;

            public static class Sync
            {
                public static async Task RunAsync()
                {
                    var options = new CymbioClientOptions { ClientId = "id" };
                    options.Grants.Add(CymbioScopes.ReadOrders);
                    options.Grants.Add("write:fulfillments");
                    using var cymbio = new CymbioClient(options);
                    var api = cymbio.Create<IFulfillmentsApi>();
                    await api.ListAsync(1);
                    await api.AcceptAsync(1, 2);
                }
            }
            """).RunWithGeneratorAsync();
    }

    [Fact]
    public async Task OptionsHandedToOtherCode_AreNotTraced_SoTheNextSourceDecides()
    {
        await Test("""
            [assembly: CymbioGrants(CymbioScopes.ReadOrders)]

            namespace Sample;

            public static class Sync
            {
                public static async Task RunAsync(Action<CymbioClientOptions> configure)
                {
                    var options = new CymbioClientOptions { Grants = { CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments } };
                    Configure(options);
                    using var cymbio = new CymbioClient(options);
                    var api = cymbio.Create<IFulfillmentsApi>();
                    await api.ListAsync(1);
                    await api.{|#0:AcceptAsync|}(1, 2);
                }

                private static void Configure(CymbioClientOptions options) => options.Grants.Clear();
            }
            """).Expect(Missing(0, "IFulfillmentsApi.AcceptAsync", "'write:fulfillments'", "[assembly: CymbioGrants]")).RunWithGeneratorAsync();
    }

    [Fact]
    public async Task LocalsWithMoreThanOneValue_AreNotTraced()
    {
        await Test("""
            [assembly: CymbioGrants(CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments)]

            namespace Sample;

            public static class Sync
            {
                public static async Task RunAsync(bool flag, IFulfillmentsApi injected)
                {
                    var readOnly = new CymbioClient(new CymbioClientOptions { Grants = { CymbioScopes.ReadOrders } }).Create<IFulfillmentsApi>();
                    var reassigned = readOnly;
                    if (flag)
                    {
                        reassigned = injected;
                    }

                    var deconstructed = readOnly;
                    (deconstructed, _) = (injected, 1);
                    var byRef = readOnly;
                    Swap(ref byRef, injected);
                    await reassigned.AcceptAsync(1, 2);
                    await deconstructed.AcceptAsync(1, 2);
                    await byRef.AcceptAsync(1, 2);
                    await readOnly.{|#0:AcceptAsync|}(1, 2);
                }

                private static void Swap(ref IFulfillmentsApi api, IFulfillmentsApi other) => api = other;
            }
            """).Expect(Missing(0, "IFulfillmentsApi.AcceptAsync", "'write:fulfillments'", "the grants of the CymbioClientOptions created at line 13")).RunWithGeneratorAsync();
    }

    [Fact]
    public async Task FieldInitialisedInTheConstructorOfAPartialClass_IsTraced()
    {
        var part1 = Usings + """
            namespace Sample;

            public sealed partial class Worker
            {
                private readonly IFulfillmentsApi _api;

                public Worker()
                {
                    var client = new CymbioClient(new CymbioClientOptions { Grants = { CymbioScopes.ReadOrders } });
                    _api = client.Create<IFulfillmentsApi>();
                }
            }
            """;
        var part2 = Usings + """
            namespace Sample;

            public sealed partial class Worker
            {
                public Task ListAsync() => _api.ListAsync(1);

                public Task AcceptAsync() => this._api.{|#0:AcceptAsync|}(1, 2);
            }
            """;
        await new CallSiteTest<ScopeCallAnalyzer>(Api, part1, part2).WithoutUnusedGrants()
            .Expect(Missing(0, "IFulfillmentsApi.AcceptAsync", "'write:fulfillments'", "the grants of the CymbioClientOptions created at line 13"))
            .RunWithGeneratorAsync();
    }

    [Fact]
    public async Task PropertyAndFieldInitializers_AreTraced()
    {
        await Test("""
            namespace Sample;

            public sealed class Worker
            {
                private static readonly CymbioClient Client = new(new CymbioClientOptions { Grants = { CymbioScopes.WriteFulfillments } });

                private IFulfillmentsApi Api => Client.Create<IFulfillmentsApi>();

                private IFulfillmentsApi Other { get; } = Client.Create<IFulfillmentsApi>();

                public async Task RunAsync()
                {
                    await Api.AcceptAsync(1, 2);
                    await Api.{|#0:ListAsync|}(1);
                    await Other.{|#1:ListAsync|}(1);
                }
            }
            """).Expect(
                Missing(0, "IFulfillmentsApi.ListAsync", "'read:orders'", "the grants of the CymbioClientOptions created at line 9"),
                Missing(1, "IFulfillmentsApi.ListAsync", "'read:orders'", "the grants of the CymbioClientOptions created at line 9"))
            .RunWithGeneratorAsync();
    }

    [Fact]
    public async Task GetterWithABlockBody_AndAFieldAssignedInAStaticConstructor_AreTraced()
    {
        await Test("""
            namespace Sample;

            public sealed class Worker
            {
                private static readonly CymbioClient Client;

                static Worker()
                {
                    Client = new CymbioClient(new CymbioClientOptions { Grants = { CymbioScopes.WriteFulfillments } });
                }

                private IFulfillmentsApi Api
                {
                    get { return Client.Create<IFulfillmentsApi>(); }
                }

                public async Task RunAsync()
                {
                    await Api.AcceptAsync(1, 2);
                    await Api.{|#0:ListAsync|}(1);
                }
            }
            """).Expect(Missing(0, "IFulfillmentsApi.ListAsync", "'read:orders'", "the grants of the CymbioClientOptions created at line 13")).RunWithGeneratorAsync();
    }

    [Fact]
    public async Task HandlerAndRefitFactory_AreTraced()
    {
        await Test("""
            using System.Net.Http;

            namespace Sample;

            public static class Sync
            {
                public static Task RunAsync(ICymbioTokenProvider tokens)
                {
                    var options = new CymbioClientOptions { Grants = { CymbioScopes.ReadOrders } };
                    var handler = new CymbioAuthenticationHandler(tokens, options) { InnerHandler = new HttpClientHandler() };
                    var api = RestService.ForGenerated<IFulfillmentsApi>(new HttpClient(handler) { BaseAddress = options.EffectiveBaseAddress });
                    return api.{|#0:AcceptAsync|}(1, 2);
                }
            }
            """).Expect(Missing(0, "IFulfillmentsApi.AcceptAsync", "'write:fulfillments'", "the grants of the CymbioClientOptions created at line 13")).RunWithGeneratorAsync();
    }

    [Fact]
    public async Task ProviderTypeGrantsAndProviderConstructors_AreTraced()
    {
        await Test("""
            using System.Net.Http;
            using System.Threading;

            namespace Sample;

            [CymbioGrants(CymbioScopes.ReadOrders)]
            public sealed class ReadOnlyProvider : ICymbioTokenProvider
            {
                public ValueTask<CymbioToken> GetTokenAsync(ScopeSet scopes, CancellationToken cancellationToken = default) => throw new InvalidOperationException();
                public ValueTask<CymbioToken> RenewAsync(CymbioToken rejected, CancellationToken cancellationToken = default) => throw new InvalidOperationException();
            }

            public sealed class StaticProvider(params string[] grants) : ICymbioTokenProvider
            {
                public string[] Grants { get; } = grants;
                public ValueTask<CymbioToken> GetTokenAsync(ScopeSet scopes, CancellationToken cancellationToken = default) => throw new InvalidOperationException();
                public ValueTask<CymbioToken> RenewAsync(CymbioToken rejected, CancellationToken cancellationToken = default) => throw new InvalidOperationException();
            }

            public static class Sync
            {
                private static readonly CymbioClientOptions Options = new() { Grants = { CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments } };

                public static Task ReadOnlyAsync()
                {
                    var handler = new CymbioAuthenticationHandler(new ReadOnlyProvider(), Options);
                    return RestService.ForGenerated<IFulfillmentsApi>(new HttpClient(handler)).{|#0:AcceptAsync|}(1, 2);
                }

                public static Task ParamsAsync()
                {
                    var handler = new CymbioAuthenticationHandler(new StaticProvider(CymbioScopes.WriteFulfillments), Options);
                    return RestService.ForGenerated<IFulfillmentsApi>(new HttpClient(handler)).{|#1:ListAsync|}(1);
                }

                public static Task CollectionExpressionAsync()
                {
                    string[] scopes = [CymbioScopes.ReadOrders, "write:fulfillments"];
                    var handler = new CymbioAuthenticationHandler(new StaticProvider([CymbioScopes.ReadOrders]), Options);
                    return RestService.ForGenerated<IFulfillmentsApi>(new HttpClient(handler)).{|#2:AcceptAsync|}(1, 2);
                }
            }
            """).Expect(
                Missing(0, "IFulfillmentsApi.AcceptAsync", "'write:fulfillments'", "[CymbioGrants] on 'ReadOnlyProvider'"),
                Missing(1, "IFulfillmentsApi.ListAsync", "'read:orders'", "the grants of the StaticProvider created at line 36"),
                Missing(2, "IFulfillmentsApi.AcceptAsync", "'write:fulfillments'", "the grants of the StaticProvider created at line 43"))
            .RunWithGeneratorAsync();
    }

    [Fact]
    public async Task EnclosingAttributes_MethodTypeAssembly_NearestWins()
    {
        await Test("""
            [assembly: CymbioGrants(CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments)]

            namespace Sample;

            [CymbioGrants(CymbioScopes.ReadOrders)]
            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task ListAsync() => api.ListAsync(1);

                public Task AcceptAsync() => api.{|#0:AcceptAsync|}(1, 2);

                [CymbioGrants(CymbioScopes.WriteFulfillments)]
                public Task AcceptGrantedAsync() => api.AcceptAsync(1, 2);

                [CymbioGrants(CymbioScopes.WriteFulfillments)]
                public Task ListUngrantedAsync() => api.{|#1:ListAsync|}(1);
            }

            public sealed class Other(IFulfillmentsApi api)
            {
                public Task AcceptAsync() => api.AcceptAsync(1, 2);
            }
            """).Expect(
                Missing(0, "IFulfillmentsApi.AcceptAsync", "'write:fulfillments'", "[CymbioGrants] on 'Worker'"),
                Missing(1, "IFulfillmentsApi.ListAsync", "'read:orders'", "[CymbioGrants] on 'Worker.ListUngrantedAsync'"))
            .RunWithGeneratorAsync();
    }

    [Fact]
    public async Task TracedOptions_WinOverEnclosingAttributes()
    {
        await Test("""
            [assembly: CymbioGrants(CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments)]

            namespace Sample;

            public static class Sync
            {
                [CymbioGrants(CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments)]
                public static Task RunAsync()
                {
                    var api = new CymbioClient(new CymbioClientOptions { Grants = { CymbioScopes.ReadOrders } }).Create<IFulfillmentsApi>();
                    return api.{|#0:AcceptAsync|}(1, 2);
                }
            }
            """).Expect(Missing(0, "IFulfillmentsApi.AcceptAsync", "'write:fulfillments'", "the grants of the CymbioClientOptions created at line 14")).RunWithGeneratorAsync();
    }

    [Fact]
    public async Task PropagatedRequirement_SatisfiesCallsInside_AndIsRequiredFromCallers()
    {
        await Test("""
            [assembly: CymbioGrants(CymbioScopes.ReadOrders)]

            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                [CymbioScope(CymbioScopes.WriteFulfillments)]
                public Task AcceptAsync() => api.AcceptAsync(1, 2);

                [CymbioScope(CymbioScopes.WriteFulfillments)]
                public Task ListAsync() => api.{|#0:ListAsync|}(1);

                public Task RunAsync() => {|#1:AcceptAsync|}();
            }
            """).Expect(
                Missing(0, "IFulfillmentsApi.ListAsync", "'read:orders'", "the [CymbioScope] on 'Worker.ListAsync'"),
                Missing(1, "Worker.AcceptAsync", "'write:fulfillments'", "[assembly: CymbioGrants]"))
            .RunWithGeneratorAsync();
    }

    [Fact]
    public async Task ManifestGrants_AreTheLastSource()
    {
        await Test("""
            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task ListAsync() => api.ListAsync(1);

                public Task AcceptAsync() => api.{|#0:AcceptAsync|}(1, 2);
            }
            """).WithManifest("""{ "grants": [ "read:orders" ] }""")
            .Expect(Missing(0, "IFulfillmentsApi.AcceptAsync", "'write:fulfillments'", "the 'grants' of scopes.json"))
            .RunWithGeneratorAsync();
    }

    [Fact]
    public async Task NoGrantSource_IsReported()
    {
        await Test("""
            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task AcceptAsync() => api.{|#0:AcceptAsync|}(1, 2);
            }
            """).Expect(Diagnostic<ScopeCallAnalyzer>(CallSiteDiagnosticIds.NoGrantSource)
                .WithLocation(0)
                .WithArguments("IFulfillmentsApi.AcceptAsync", "'write:fulfillments'"))
            .RunWithGeneratorAsync();
    }

    [Fact]
    public async Task ManifestWithoutGrants_IsNoGrantSource()
    {
        await Test("""
            namespace Sample;

            public sealed class Worker(IFulfillmentsApi api)
            {
                public Task AcceptAsync() => api.{|CYM0013:AcceptAsync|}(1, 2);
            }
            """).WithManifest("""{ "scopes": [ { "name": "read:extras", "description": "x" } ] }""").RunWithGeneratorAsync();
    }
}
