using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Cymbio.Api;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cymbio.Emulator.Tests.EndToEnd;

/// <summary>
/// Every endpoint of Cymbio.Api, called through the generated clients that <c>AddCymbio(…).AddSupplier()</c> and
/// <c>.AddRetailer()</c> register, over real loopback HTTP to the emulator (<see cref="SupplierTour"/>,
/// <see cref="RetailerTour"/>). Completeness is the emulator's request log, not a hand-kept list: every entry of
/// <see cref="CymbioEmulator.Routes"/> must have been answered 2xx, so a route added to Cymbio.Api and not exercised here
/// fails <see cref="EveryRoute_IsCalledThroughTheSdk_WithA2xx_AndNoCallFails"/>.
/// </summary>
public sealed class EveryEndpointEndToEndTests
{
    [Fact]
    public async Task SupplierTour_CallsEverySupplierEndpoint_ThroughTheInjectedClient()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        await using var tour = new EndpointTour(emulator, CymbioScopeStrategy.AllGranted);

        await SupplierTour.RunAsync(tour.Supplier, emulator);

        AssertEveryRouteSucceeded(emulator, EndpointTour.RoutesOf(retailer: false));
    }

    [Fact]
    public async Task RetailerTour_CallsEveryRetailerEndpoint_ThroughTheInjectedClient()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        await using var tour = new EndpointTour(emulator, CymbioScopeStrategy.AllGranted);

        await RetailerTour.RunAsync(tour.Retailer, emulator, publishedVariant: null);

        AssertEveryRouteSucceeded(emulator, EndpointTour.RoutesOf(retailer: true));
    }

    [Theory]
    [InlineData(CymbioScopeStrategy.AllGranted)]
    [InlineData(CymbioScopeStrategy.LeastPrivilege)]
    public async Task EveryRoute_IsCalledThroughTheSdk_WithA2xx_AndNoCallFails(CymbioScopeStrategy strategy)
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        await using var tour = new EndpointTour(emulator, strategy);

        var published = await SupplierTour.RunAsync(tour.Supplier, emulator);
        await RetailerTour.RunAsync(tour.Retailer, emulator, published);

        Assert.Equal(50, CymbioEmulator.Routes.Count);
        AssertEveryRouteSucceeded(emulator, CymbioEmulator.Routes);
        AssertTokens(emulator, strategy, EmulatorAccounts.Supplier, retailer: false);
        AssertTokens(emulator, strategy, EmulatorAccounts.Retailer, retailer: true);

        // Over the whole tour: 2 tokens with AllGranted (one per account); with LeastPrivilege, 12 scope sets on the supplier's
        // routes (each of its 12 scopes alone) and 8 on the retailer's.
        Assert.Equal(strategy == CymbioScopeStrategy.AllGranted ? 2 : 20, emulator.Requests.TokenRequests("client_credentials"));
        Assert.Equal(emulator.Requests.TokenRequests("client_credentials"), emulator.Requests.TokenRequests());
    }

    /// <summary>
    /// The request log shows no 4xx or 5xx at all, and every one of <paramref name="routes"/> answered 2xx at least
    /// once, to the account of its side (the supplier's routes to the supplier account, the retailer's to the retailer's).
    /// </summary>
    private static void AssertEveryRouteSucceeded(CymbioEmulator emulator, IEnumerable<EmulatorRoute> routes)
    {
        var records = emulator.Requests.Records;
        var failed = emulator.Requests.CallsByRouteAndStatus.Where(static c => c.Key.Status >= 400).Select(static c => $"{c.Key.Method} {c.Key.Route}: {c.Key.Status}").ToArray();
        Assert.True(failed.Length == 0, "Answered with an error: " + string.Join("; ", failed));
        Assert.All(records, static r => Assert.True(r.StatusCode < 400, $"{r.Method} {r.Path}: {r.StatusCode} {r.Error}"));

        var missing = routes
            .Where(route => !records.Any(r => !r.IsTokenRequest
                && r.StatusCode is >= 200 and < 300
                && string.Equals(r.Method, route.Method, StringComparison.Ordinal)
                && string.Equals(r.Route, route.Template, StringComparison.Ordinal)
                && string.Equals(r.Account, EndpointTour.AccountOf(route), StringComparison.Ordinal)))
            .Select(static route => route.Key + " (" + route.Operation + ")")
            .ToArray();
        Assert.True(missing.Length == 0, "Never answered 2xx through the SDK: " + string.Join("; ", missing));
    }

    /// <summary>
    /// The tokens the runtime asked for. The handler asks its token provider for the configured grants
    /// (<see cref="CymbioScopeStrategy.AllGranted"/>, the default) or for the operation's own scopes
    /// (<see cref="CymbioScopeStrategy.LeastPrivilege"/>), and the provider caches one token per scope set; the tour is
    /// far shorter than a token's 300 s, so nothing is renewed. Hence one token per account with AllGranted — every call
    /// carries it — and, with LeastPrivilege, exactly one token per distinct scope set among the account's routes,
    /// each call carrying the token of its own requirement.
    /// </summary>
    private static void AssertTokens(CymbioEmulator emulator, CymbioScopeStrategy strategy, string account, bool retailer)
    {
        var records = emulator.Requests.Records.Where(r => string.Equals(r.Account, account, StringComparison.Ordinal)).ToArray();
        var tokens = records.Where(static r => r.IsTokenRequest).ToArray();
        var calls = records.Where(static r => !r.IsTokenRequest).ToArray();
        var expected = strategy == CymbioScopeStrategy.AllGranted
            ? [EndpointTour.Grants(retailer)]
            : EndpointTour.RoutesOf(retailer).Select(static r => r.Scopes).Distinct().ToArray();

        Assert.All(tokens, static t => Assert.Equal(200, t.StatusCode));
        Assert.Equal(expected.Length, tokens.Length);
        Assert.Equal(expected.Select(static s => s.ToString()).Order(StringComparer.Ordinal), tokens.Select(static t => t.TokenScopes!.ToString()).Order(StringComparer.Ordinal));
        Assert.All(calls, c => Assert.Equal(strategy == CymbioScopeStrategy.AllGranted ? EndpointTour.Grants(retailer) : c.RequiredScopes, c.TokenScopes));
    }
}

/// <summary>
/// The supplier and the retailer client, each resolved from its own container in which <c>AddCymbio</c> is configured
/// with that account of the emulator and every scope its side's routes require.
/// </summary>
internal sealed class EndpointTour : IAsyncDisposable
{
    private readonly ServiceProvider _supplier;
    private readonly ServiceProvider _retailer;

    public EndpointTour(CymbioEmulator emulator, CymbioScopeStrategy strategy)
    {
        _supplier = Provider(emulator, EmulatorAccounts.Supplier, retailer: false, strategy);
        _retailer = Provider(emulator, EmulatorAccounts.Retailer, retailer: true, strategy);
        Supplier = _supplier.GetRequiredService<CymbioSupplierClient>();
        Retailer = _retailer.GetRequiredService<CymbioRetailerClient>();
    }

    public CymbioSupplierClient Supplier { get; }

    public CymbioRetailerClient Retailer { get; }

    /// <summary>The routes of one side: the retailer's are those of the <c>IRetailer…Api</c> interfaces, the rest are the supplier's.</summary>
    public static IReadOnlyList<EmulatorRoute> RoutesOf(bool retailer) => CymbioEmulator.Routes.Where(r => IsRetailers(r) == retailer).ToArray();

    /// <summary>Every scope the side's routes require (from the generated scope tables the route table is read from).</summary>
    public static ScopeSet Grants(bool retailer) => ScopeSet.Create(RoutesOf(retailer).SelectMany(static r => r.Scopes));

    /// <summary>The emulator account that calls a route.</summary>
    public static string AccountOf(EmulatorRoute route) => IsRetailers(route) ? EmulatorAccounts.Retailer : EmulatorAccounts.Supplier;

    /// <summary>Asserts that a write answered success, with a message that names what it did.</summary>
    public static void Succeeded(CymbioActionResult? result, string message)
    {
        Assert.NotNull(result);
        Assert.True(result.Success, result.Message);
        Assert.Contains(message, result.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _supplier.DisposeAsync();
        await _retailer.DisposeAsync();
    }

    private static bool IsRetailers(EmulatorRoute route) => route.Operation.StartsWith("IRetailer", StringComparison.Ordinal);

    private static ServiceProvider Provider(CymbioEmulator emulator, string account, bool retailer, CymbioScopeStrategy strategy)
    {
        var services = new ServiceCollection();
        var cymbio = services.AddCymbio(o =>
        {
            SdkEndToEndTests.Configure(o, emulator, account, [.. Grants(retailer)]);
            o.ScopeStrategy = strategy;
        });
        _ = retailer ? cymbio.AddRetailer() : cymbio.AddSupplier();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
