using System.Collections.Generic;
using Cymbio.Api.Suppliers;

namespace Cymbio.Demo;

/// <summary>What one run of <see cref="SupplierOrderSync"/> did.</summary>
internal sealed class SyncReport
{
    /// <summary>Gets the new fulfillments found (retailer state <c>ordered</c>, fulfillment state <c>new</c>).</summary>
    public List<long> Found { get; } = [];

    /// <summary>Gets the fulfillments accepted.</summary>
    public List<long> Accepted { get; } = [];

    /// <summary>Gets the fulfillments shipped, with their tracking numbers.</summary>
    public List<(long Id, string TrackingNumber)> Shipped { get; } = [];

    /// <summary>Gets or sets the warehouse the inventory was pushed to, when the supplier has one.</summary>
    public Warehouse? Warehouse { get; set; }

    /// <summary>Gets the inventory levels pushed.</summary>
    public List<InventoryLevel> Pushed { get; } = [];

    /// <summary>Gets the pushed levels read back with the quantity pushed.</summary>
    public List<InventoryLevel> Confirmed { get; } = [];

    /// <summary>Gets the fulfillments whose cancellation was approved.</summary>
    public List<long> CancellationsApproved { get; } = [];

    /// <summary>Gets or sets the message of the call refused for a missing scope.</summary>
    public string? Refusal { get; set; }
}
