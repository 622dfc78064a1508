using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Cymbio.Api;
using Cymbio.Api.Suppliers;

namespace Cymbio.Demo;

/// <summary>
/// A supplier's order sync: fetch the new fulfillments, accept and ship them, push inventory and read it back, approve
/// the cancellations the retailers asked for, and let a read-only reporting client try a write its grants do not cover.
/// The <c>[CymbioGrants]</c> below are what the analyzer checks these calls against and the client's grants; the token
/// endpoint is asked for exactly the scopes the build found these calls requiring (<c>ScopeStrategy.Required</c>).
/// </summary>
[CymbioGrants(CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments, CymbioScopes.ReadWarehouses, CymbioScopes.ReadInventory, CymbioScopes.WriteInventory)]
internal sealed class SupplierOrderSync
{
    /// <summary>At most this many new fulfillments are handled in one run (a staging account may have many).</summary>
    public const int MaxFulfillments = 10;

    /// <summary>At most this many inventory levels are pushed.</summary>
    public const int MaxInventoryLevels = 3;

    private readonly CymbioSupplierClient _supplier;
    private readonly CymbioSupplierClient _reporting;
    private readonly ISyncReporter _reporter;

    /// <summary>Initializes the sync.</summary>
    /// <param name="cymbio">The client, with a supplier id and <see cref="Grants"/>.</param>
    /// <param name="reporting">A client granted only <see cref="ReportingGrants"/>, which tries a write it may not make.</param>
    /// <param name="reporter">Where progress goes.</param>
    public SupplierOrderSync(CymbioClient cymbio, CymbioClient reporting, ISyncReporter reporter)
    {
        ArgumentNullException.ThrowIfNull(cymbio);
        ArgumentNullException.ThrowIfNull(reporting);
        _supplier = cymbio.Supplier;
        _reporting = reporting.Supplier;
        _reporter = reporter;
    }

    /// <summary>Gets the scopes of the read-only reporting client: it may list fulfillments, not accept them.</summary>
    public static IReadOnlyList<string> ReportingGrants { get; } = [CymbioScopes.ReadOrders];

    /// <summary>Gets the scopes the sync is granted: those of its <c>[CymbioGrants]</c>, one list for the analyzer and the client.</summary>
    public static IReadOnlyList<string> Grants { get; } =
        typeof(SupplierOrderSync).GetCustomAttributes<CymbioGrantsAttribute>().SelectMany(static a => a.Scopes).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The tracking number the demo ships a fulfillment with.</summary>
    /// <param name="fulfillmentId">The fulfillment.</param>
    /// <returns>A made-up UPS-style tracking number.</returns>
    public static string TrackingNumber(long fulfillmentId) => $"1ZDEMO{fulfillmentId:D10}";

    /// <summary>Runs the sync.</summary>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>What was done.</returns>
    public async Task<SyncReport> RunAsync(CancellationToken cancellationToken)
    {
        var report = new SyncReport();
        var fresh = await FetchNewAsync(report, cancellationToken).ConfigureAwait(false);
        await AcceptAsync(report, fresh, cancellationToken).ConfigureAwait(false);
        await ShipAsync(report, fresh, cancellationToken).ConfigureAwait(false);
        await SyncInventoryAsync(report, fresh, cancellationToken).ConfigureAwait(false);
        await ApproveCancellationsAsync(report, cancellationToken).ConfigureAwait(false);
        await TryUngrantedCallAsync(report, cancellationToken).ConfigureAwait(false);
        return report;
    }

    private async Task<IReadOnlyList<Fulfillment>> FetchNewAsync(SyncReport report, CancellationToken cancellationToken)
    {
        _reporter.Working("Fetching new fulfillments…");
        var filter = new FulfillmentFilter { RetailerState = RetailerStates.Ordered, FulfillmentState = FulfillmentStates.New };
        var all = await _supplier.Fulfillments.ListAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false);
        var fresh = all.Take(MaxFulfillments).ToArray();
        report.Found.AddRange(fresh.Select(static f => f.Id));
        _reporter.Done(fresh.Length == 0
            ? "No new fulfillments."
            : $"Fetched {all.Count} new fulfillment(s){(all.Count > fresh.Length ? $", handling the first {fresh.Length}" : string.Empty)}: {Ids(report.Found)}");
        return fresh;
    }

    private async Task AcceptAsync(SyncReport report, IReadOnlyList<Fulfillment> fresh, CancellationToken cancellationToken)
    {
        foreach (var fulfillment in fresh)
        {
            _reporter.Working($"Accepting fulfillment {fulfillment.Id}…");
            await _supplier.Fulfillments.AcceptAsync(fulfillment.Id, new AcceptFulfillmentRequest(), cancellationToken).ConfigureAwait(false);
            report.Accepted.Add(fulfillment.Id);
        }

        if (report.Accepted.Count > 0)
        {
            _reporter.Done($"Accepted {report.Accepted.Count}: {Ids(report.Accepted)}");
        }
    }

    private async Task ShipAsync(SyncReport report, IReadOnlyList<Fulfillment> fresh, CancellationToken cancellationToken)
    {
        foreach (var fulfillment in fresh)
        {
            var tracking = TrackingNumber(fulfillment.Id);
            _reporter.Working($"Shipping fulfillment {fulfillment.Id} with tracking number {tracking}…");
            await _supplier.Fulfillments.ShipAsync(fulfillment.Id, new ShipFulfillmentRequest(tracking), cancellationToken).ConfigureAwait(false);
            report.Shipped.Add((fulfillment.Id, tracking));
        }

        if (report.Shipped.Count > 0)
        {
            _reporter.Done($"Shipped {report.Shipped.Count}: {string.Join(", ", report.Shipped.Select(static s => $"{s.Id} ({s.TrackingNumber})"))}");
        }
    }

    private async Task SyncInventoryAsync(SyncReport report, IReadOnlyList<Fulfillment> fresh, CancellationToken cancellationToken)
    {
        _reporter.Working("Finding a warehouse…");
        var warehouses = await _supplier.Warehouses.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var warehouse = warehouses.FirstOrDefault(static w => w.IsActive != false);
        if (warehouse is null)
        {
            _reporter.Done("No active warehouse: no inventory pushed.");
            return;
        }

        report.Warehouse = warehouse;
        _reporter.Working($"Reading the inventory of warehouse {warehouse.Id}…");
        var current = await _supplier.Inventory.ListByWarehouseAsync(warehouse.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        var levels = InventoryPlan.Next(current, fresh, MaxInventoryLevels);
        if (levels.Length == 0)
        {
            _reporter.Done($"Warehouse {warehouse.Id} has no SKU to restock: no inventory pushed.");
            return;
        }

        _reporter.Working($"Pushing {levels.Length} inventory level(s) to warehouse {warehouse.Id}…");
        await _supplier.Inventory.SetLevelsAsync(warehouse.Id, levels, cancellationToken).ConfigureAwait(false);
        report.Pushed.AddRange(levels);

        _reporter.Working("Reading the inventory back…");
        var after = await _supplier.Inventory.ListByWarehouseAsync(warehouse.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        report.Confirmed.AddRange(after.Where(a => levels.Any(l => InventoryPlan.SameItem(a, l) && a.Quantity == l.Quantity)));
        _reporter.Done($"Pushed inventory to warehouse {warehouse.Id} ({warehouse.Name}): {string.Join(", ", levels.Select(static l => $"{InventoryPlan.Key(l)} = {l.Quantity}"))}; read back {report.Confirmed.Count} of {levels.Length} with the quantity pushed.");
    }

    private async Task ApproveCancellationsAsync(SyncReport report, CancellationToken cancellationToken)
    {
        _reporter.Working("Looking for cancellation requests…");
        var filter = new FulfillmentFilter { FulfillmentState = FulfillmentStates.Cancelling };
        var requested = await _supplier.Fulfillments.ListAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var fulfillment in requested.Take(MaxFulfillments))
        {
            _reporter.Working($"Approving the cancellation of fulfillment {fulfillment.Id}…");
            await _supplier.Fulfillments.ApproveCancellationAsync(fulfillment.Id, cancellationToken).ConfigureAwait(false);
            report.CancellationsApproved.Add(fulfillment.Id);
        }

        _reporter.Done(report.CancellationsApproved.Count == 0
            ? "No cancellation requests."
            : $"Approved {report.CancellationsApproved.Count} cancellation request(s): {Ids(report.CancellationsApproved)}");
    }

    private async Task TryUngrantedCallAsync(SyncReport report, CancellationToken cancellationToken)
    {
        _reporter.Working("Accepting a fulfillment through the read-only reporting client (read:orders only)…");
        try
        {
            // Deliberate: the runtime refuses, before any request, a call whose scope (write:fulfillments) the reporting
            // client is not granted. The scope is one the sync needs anyway, so the build's required set is unchanged.
            await _reporting.Fulfillments.AcceptAsync(report.Found.FirstOrDefault(), new AcceptFulfillmentRequest(), cancellationToken).ConfigureAwait(false);
            report.Refusal = null;
            _reporter.Done("The reporting client's write was NOT refused: its grants include write:fulfillments.");
        }
        catch (ScopeNotGrantedException refused)
        {
            report.Refusal = refused.Message;
            _reporter.Done($"Refused before sending, as expected: {refused.Message}");
        }
    }

    private static string Ids(IEnumerable<long> ids) => string.Join(", ", ids);
}
