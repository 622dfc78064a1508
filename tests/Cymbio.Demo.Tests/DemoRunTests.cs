using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cymbio.Api.Suppliers;
using Cymbio.Emulator;
using Spectre.Console.Testing;
using Xunit;

namespace Cymbio.Demo.Tests;

/// <summary>The demo's flow in-process against an emulator, with the emulator's counters and data as the witness.</summary>
public sealed class DemoRunTests
{
    private const string Fulfillments = "/v3/suppliers/{supplierId}/fulfillments";
    private const string One = Fulfillments + "/{fulfillmentId}";

    [Fact]
    public async Task TheSync_AgainstTheEmulator_AcceptsShipsPushesInventoryAndApprovesTheCancellation()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        var fresh = NewFulfillmentIds(emulator);
        var console = new TestConsole();

        var outcome = await new DemoRun(console).RunAsync(DemoClientOptions.ForEmulator(emulator), "test emulator", Timeout());

        Assert.Equal(0, outcome.ExitCode);
        var report = outcome.Report!;
        Assert.Equal(fresh, report.Accepted.Order());
        Assert.Equal(fresh.Length, emulator.Requests.Calls("PUT", One + "/setStatus/accepted", 200));
        Assert.Equal(fresh.Length, emulator.Requests.Calls("PUT", One + "/setStatus/shipped", 200));
        Assert.All(fresh, id =>
        {
            var shipped = emulator.Data.Fulfillment(id)!;
            Assert.Equal(FulfillmentStates.Shipped, shipped.FulfillmentState);
            Assert.Equal(SupplierOrderSync.TrackingNumber(id), shipped.TrackingNumber);
        });

        Assert.Equal(1, emulator.Requests.Calls("PUT", "/v3/suppliers/{supplierId}/warehouses/{warehouseId}/inventory", 200));
        Assert.NotEmpty(report.Pushed);
        Assert.Equal(report.Pushed.Count, report.Confirmed.Count);
        var stock = emulator.Data.Variants(EmulatorAccounts.SupplierId).SelectMany(static v => v.Inventory ?? []).Where(l => l.WarehouseId == report.Warehouse!.Id).ToArray();
        Assert.All(report.Pushed, pushed => Assert.Contains(stock, l => InventoryPlan.SameItem(l, pushed) && l.Quantity == pushed.Quantity));

        Assert.Equal([EmulatorData.Seeded.CancellationRequested], report.CancellationsApproved);
        Assert.Equal(FulfillmentStates.Canceled, emulator.Data.Fulfillment(EmulatorData.Seeded.CancellationRequested)!.FulfillmentState);
        Assert.Equal(1, emulator.Requests.Calls("PUT", One + "/setStatus/canceled", 200));
    }

    [Fact]
    public async Task TheSummary_MatchesWhatTheEmulatorSaw()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        var console = new TestConsole();

        var outcome = await new DemoRun(console).RunAsync(DemoClientOptions.ForEmulator(emulator), "test emulator", Timeout());

        var summary = outcome.Summary;
        Assert.Equal(emulator.Requests.TokenRequests(), summary.TokenRequests);
        Assert.Equal(1, summary.TokenRequests);
        Assert.Equal(emulator.Requests.CallsByRouteAndStatus.Values.Sum(), summary.TotalCalls);
        Assert.Equal(
            emulator.Requests.Records.Where(static r => !r.IsTokenRequest).GroupBy(static r => r.Operation).ToDictionary(static g => g.Key!, static g => g.Count()).OrderBy(static p => p.Key, StringComparer.Ordinal),
            summary.Calls.ToDictionary(static c => c.Name, static c => c.Count).OrderBy(static p => p.Key, StringComparer.Ordinal));
        Assert.True(summary.Used.IsSubsetOf(summary.Granted), $"used {summary.Used}, granted {summary.Granted}");
        Assert.Equal(ScopeSet.Create(SupplierOrderSync.Grants), summary.Granted);
        Assert.Contains($"Token requests: {summary.TokenRequests}", console.Output, StringComparison.Ordinal);
        Assert.Contains("Calls by operation", console.Output, StringComparison.Ordinal);
        Assert.Contains("Scopes used vs granted", console.Output, StringComparison.Ordinal);
        Assert.Contains("ISupplierFulfillmentsApi.AcceptAsync", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCallWithoutItsScope_IsRefusedWithAClearMessage_AndNothingIsSent()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        var console = new TestConsole();

        var outcome = await new DemoRun(console).RunAsync(DemoClientOptions.ForEmulator(emulator), "test emulator", Timeout());

        // The read-only reporting client (read:orders) tries to accept a fulfillment: refused, and no extra accept is sent.
        var refusal = outcome.Report!.Refusal;
        Assert.NotNull(refusal);
        Assert.Contains(CymbioScopes.WriteFulfillments, refusal, StringComparison.Ordinal);
        Assert.Contains("AcceptAsync", refusal, StringComparison.Ordinal);
        var accepts = emulator.Requests.Records.Count(static r => r.Operation == "ISupplierFulfillmentsApi.AcceptAsync");
        Assert.Equal(outcome.Report.Accepted.Count, accepts);
        Assert.Equal(accepts, outcome.Summary.Calls.SingleOrDefault(static c => c.Name == "ISupplierFulfillmentsApi.AcceptAsync")?.Count ?? 0);
        Assert.Contains("Refused before sending", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheScopesTheBuildDerived_AreExactlyTheScopesTheRunUsed_AndRequested()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        var console = new TestConsole();

        var outcome = await new DemoRun(console).RunAsync(DemoClientOptions.ForEmulator(emulator), "test emulator", Timeout());

        // From the emulator's log: what the API requests required, and what the one token was issued for.
        var used = emulator.Requests.Records.Where(static r => !r.IsTokenRequest && r.StatusCode < 400).Aggregate(ScopeSet.Empty, static (all, r) => all.Union(r.RequiredScopes!));
        var issued = emulator.Requests.Records.Where(static r => r.IsTokenRequest).Select(static r => r.TokenScopes!).Distinct().Single();
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(used, Cymbio.Demo.CymbioRequiredScopes.All);
        Assert.Equal(used, issued);
        Assert.Equal(used, outcome.Summary.Requested);
        Assert.Contains("Requested scopes = required scopes: yes", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondRun_FindsNothingNew_AndStillSucceeds()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        await new DemoRun(new TestConsole()).RunAsync(DemoClientOptions.ForEmulator(emulator), "test emulator", Timeout());

        var again = await new DemoRun(new TestConsole()).RunAsync(DemoClientOptions.ForEmulator(emulator), "test emulator", Timeout());

        Assert.Equal(0, again.ExitCode);
        Assert.Empty(again.Report!.Accepted);
        Assert.Empty(again.Report.CancellationsApproved);
    }

    [Fact]
    public async Task AFailingCymbio_IsExitCode1_WithAMessage_AndNoStackTrace()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        emulator.Faults.OnTokenEndpoint(EmulatorFault.Status(400), times: null);
        var console = new TestConsole();

        var outcome = await new DemoRun(console).RunAsync(DemoClientOptions.ForEmulator(emulator), "test emulator", Timeout());

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("The sync failed", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.Account(EmulatorAccounts.Supplier).ClientSecret, console.Output, StringComparison.Ordinal);
    }

    private static long[] NewFulfillmentIds(CymbioEmulator emulator) =>
        emulator.Data.Fulfillments(EmulatorAccounts.SupplierId)
            .Where(static f => f.FulfillmentState == FulfillmentStates.New && f.RetailerState == RetailerStates.Ordered)
            .Select(static f => f.Id).Order().ToArray();

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
