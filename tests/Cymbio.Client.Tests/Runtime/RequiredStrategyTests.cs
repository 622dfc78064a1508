using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Cymbio.Client.Tests.Apis;
using Cymbio.Client.Tests.Runtime.Harness;
using Cymbio.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace Cymbio.Client.Tests.Runtime;

/// <summary>
/// <see cref="CymbioScopeStrategy.Required"/> and the over-grant warning (issue 14) against the emulator over loopback,
/// through <c>AddCymbio</c> and a directly built <see cref="CymbioClient"/>. The derived set is given to the client (a
/// <see cref="RequiredScopes"/> registered before <c>AddCymbio</c>, or the client's internal constructor), so the tests
/// hold whether or not the generator has put <c>[assembly: CymbioRequiredScopes]</c> on this test assembly.
/// </summary>
public sealed class RequiredStrategyTests
{
    private const int UnforeseenRequirement = 12;
    private const int OverGranted = 13;
    private const string Fulfillments = "/v3/suppliers/{supplierId}/fulfillments";
    private const string Inventory = "/v3/suppliers/{supplierId}/inventory";
    private const string Warehouses = "/v3/suppliers/{supplierId}/warehouses";
    private const long Supplier = EmulatorAccounts.SupplierId;

    [Fact]
    public async Task EveryOperation_GetsOneToken_ForExactlyTheDerivedSet()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        var derived = ScopeSet.Create(CymbioScopes.ReadOrders, CymbioScopes.ReadInventory);
        await using var app = App(
            emulator, RequiredScopes.Known(derived), CymbioScopeStrategy.Required,
            CymbioScopes.ReadOrders, CymbioScopes.ReadInventory, CymbioScopes.ReadWarehouses, CymbioScopes.WriteInventory);
        var api = app.GetRequiredService<ISupplierReadsApi>();

        await api.FulfillmentsAsync(Supplier);
        await api.InventoryAsync(Supplier);
        await api.FulfillmentsAsync(Supplier);

        var token = Assert.Single(emulator.Requests.Records, r => r.IsTokenRequest);
        Assert.Equal(derived, token.TokenScopes);
        Assert.Equal(derived, Assert.Single(emulator.Tokens.Issued).Scopes);
        var calls = emulator.Requests.Records.Where(r => !r.IsTokenRequest).ToList();
        Assert.Equal(3, calls.Count);
        Assert.All(calls, call => Assert.Equal(200, call.StatusCode));
        Assert.All(calls, call => Assert.Equal(derived, call.TokenScopes));
        Assert.DoesNotContain(Logs(app), r => r.Id.Id == UnforeseenRequirement);
    }

    [Fact]
    public async Task ACallOutsideTheDerivedSet_ButInsideTheGrants_GetsTheUnion_AndOneWarning()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        var account = emulator.Account(EmulatorAccounts.Supplier);
        await using var app = App(
            emulator, RequiredScopes.Known(ScopeSet.Create(CymbioScopes.ReadOrders, CymbioScopes.ReadInventory)), CymbioScopeStrategy.Required,
            CymbioScopes.ReadOrders, CymbioScopes.ReadInventory, CymbioScopes.ReadWarehouses);
        var api = app.GetRequiredService<ISupplierReadsApi>();

        await api.FulfillmentsAsync(Supplier);
        await api.WarehousesAsync(Supplier);
        await api.InventoryAsync(Supplier);
        await api.WarehousesAsync(Supplier);

        Assert.Equal(
            ["read:inventory read:orders", "read:inventory read:orders read:warehouses"],
            emulator.Requests.Records.Where(r => r.IsTokenRequest).Select(r => r.TokenScopes!.ToString()));
        Assert.Equal(2, emulator.Requests.Calls("GET", Warehouses, 200));
        Assert.Equal(1, emulator.Requests.Calls("GET", Inventory, 200));
        var warning = Assert.Single(Logs(app), r => r.Id.Id == UnforeseenRequirement);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.StartsWith("Cymbio call ISupplierReadsApi.WarehousesAsync needs 'read:warehouses', which the build did not find the code requiring", warning.Message, StringComparison.Ordinal);
        Assert.Contains("requested for 'read:inventory read:orders read:warehouses'", warning.Message, StringComparison.Ordinal);
        var token = await app.GetRequiredService<ICymbioTokenProvider>().GetTokenAsync(ScopeSet.Parse("read:inventory read:orders read:warehouses"));
        Assert.Equal(2, emulator.Requests.TokenRequests()); // the token the call used, from the cache
        foreach (var secret in new[] { account.ClientSecret, account.Password!, token.AccessToken })
        {
            Assert.DoesNotContain(secret, warning.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ACallOutsideTheGrants_StillFailsBeforeAnyNetworkCall()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        await using var app = App(emulator, RequiredScopes.Known(ScopeSet.Create(CymbioScopes.ReadOrders)), CymbioScopeStrategy.Required, CymbioScopes.ReadOrders);

        var thrown = await Record.ExceptionAsync(() => app.GetRequiredService<ISupplierReadsApi>().WarehousesAsync(Supplier));

        var refused = RuntimeHarness.Find<ScopeNotGrantedException>(thrown);
        Assert.NotNull(refused);
        Assert.Equal(ScopeSet.Create(CymbioScopes.ReadWarehouses), refused.MissingScopes);
        Assert.Empty(emulator.Requests.Records);
        Assert.DoesNotContain(Logs(app), r => r.Id.Id == UnforeseenRequirement);
    }

    [Fact]
    public async Task ADirectlyBuiltNarrowerClient_GetsTheDerivedScopesItIsGranted()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        var options = RuntimeHarness.Options(emulator, CymbioGrantType.Password, CymbioScopeStrategy.Required, grants: CymbioScopes.ReadOrders);
        var required = RequiredScopes.Known(ScopeSet.Create(CymbioScopes.ReadOrders, CymbioScopes.ReadInventory));
        using var cymbio = new CymbioClient(options, null, null, null, required);

        await cymbio.Create<ISupplierReadsApi>().FulfillmentsAsync(Supplier);

        Assert.Equal(ScopeSet.Create(CymbioScopes.ReadOrders), Assert.Single(emulator.Tokens.Issued).Scopes);
    }

    [Theory]
    [InlineData(CymbioScopeStrategy.AllGranted)]
    [InlineData(CymbioScopeStrategy.LeastPrivilege)]
    [InlineData(CymbioScopeStrategy.Required)]
    public async Task GrantsNoCodeRequires_AreWarnedAboutOnce_ListingExactlyThem(CymbioScopeStrategy strategy)
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        await using var app = App(
            emulator, RequiredScopes.Known(ScopeSet.Create(CymbioScopes.ReadOrders, CymbioScopes.ReadInventory)), strategy,
            CymbioScopes.WriteVariants, CymbioScopes.ReadOrders, CymbioScopes.ReadChannels, CymbioScopes.ReadInventory);

        await app.GetRequiredService<ISupplierReadsApi>().FulfillmentsAsync(Supplier);
        await app.GetRequiredService<ISupplierReadsApi>().InventoryAsync(Supplier);
        app.GetRequiredService<CymbioAuthenticationHandler>().Dispose(); // another client's handler: no second warning

        var warning = Assert.Single(Logs(app), r => r.Id.Id == OverGranted);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal("Cymbio.CymbioClientOptions", warning.Category);
        Assert.Equal("Cymbio grants read:channels write:variants that no code in this application requires; remove them to hold least privilege.", warning.Message);
    }

    [Theory]
    [InlineData(CymbioScopeStrategy.AllGranted, false, CymbioScopes.ReadOrders, CymbioScopes.ReadChannels)]
    [InlineData(CymbioScopeStrategy.LeastPrivilege, false, CymbioScopes.ReadOrders, CymbioScopes.ReadChannels)]
    [InlineData(CymbioScopeStrategy.AllGranted, true, CymbioScopes.ReadOrders, CymbioScopes.ReadInventory)]
    [InlineData(CymbioScopeStrategy.Required, true, CymbioScopes.ReadOrders, CymbioScopes.ReadInventory)]
    [InlineData(CymbioScopeStrategy.LeastPrivilege, true, CymbioScopes.ReadOrders)]
    public async Task NoOverGrantWarning_WhenTheDerivedSetIsUnknown_OrEveryGrantIsRequired(CymbioScopeStrategy strategy, bool known, params string[] grants)
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        var required = known ? RequiredScopes.Known(ScopeSet.Create(CymbioScopes.ReadOrders, CymbioScopes.ReadInventory)) : RequiredScopes.Unknown();
        await using var app = App(emulator, required, strategy, grants);

        await app.GetRequiredService<ISupplierReadsApi>().FulfillmentsAsync(Supplier);

        Assert.Equal(1, emulator.Requests.Calls("GET", Fulfillments, 200));
        Assert.DoesNotContain(Logs(app), r => r.Id.Id == OverGranted);
    }

    [Fact]
    public async Task ADirectlyBuiltClientWithALoggerFactory_WarnsAboutItsUnneededGrantsOnce_WhenItIsBuilt()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        var logs = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs)));
        var options = RuntimeHarness.Options(emulator, CymbioGrantType.Password, grants: [CymbioScopes.ReadOrders, CymbioScopes.ReadInventory]);
        var required = RequiredScopes.Known(ScopeSet.Create(CymbioScopes.ReadOrders));

        using var cymbio = new CymbioClient(options, null, loggers, null, required);
        var warning = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == OverGranted);
        await cymbio.Create<ISupplierReadsApi>().FulfillmentsAsync(Supplier);

        Assert.Equal("Cymbio grants read:inventory that no code in this application requires; remove them to hold least privilege.", warning.Message);
        Assert.Single(logs.GetSnapshot(), r => r.Id.Id == OverGranted);
        using var unknown = new CymbioClient(options, null, loggers, null, RequiredScopes.Unknown());
        Assert.Single(logs.GetSnapshot(), r => r.Id.Id == OverGranted);
    }

    /// <summary>An application with <c>AddCymbio</c>, <see cref="ISupplierReadsApi"/> and <paramref name="required"/> as the derived set.</summary>
    private static ServiceProvider App(CymbioEmulator emulator, RequiredScopes required, CymbioScopeStrategy strategy, params string[] grants)
    {
        var services = new ServiceCollection();
        services.AddSingleton(required);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        var options = RuntimeHarness.Options(emulator, CymbioGrantType.Password, strategy, grants: grants);
        services.AddCymbio(options.CopyTo).AddClient<ISupplierReadsApi>(useStandardResilience: false);
        return services.BuildServiceProvider();
    }

    private static IReadOnlyList<FakeLogRecord> Logs(ServiceProvider app) => app.GetFakeLogCollector().GetSnapshot();
}
