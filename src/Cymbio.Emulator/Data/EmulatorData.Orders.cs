using System;
using System.Collections.Generic;
using System.Linq;
using Cymbio.Api.Retailers;
using Cymbio.Api.Suppliers;

namespace Cymbio.Emulator;

/// <summary>
/// Retailers' orders. An order is split into one fulfillment per supplier; the order keeps only the ids of its
/// fulfillments, so the retailer always reads the supplier-side state (one source of truth).
/// </summary>
public sealed partial class EmulatorData
{
    private readonly SortedDictionary<long, OrderRecord> _orders = new();

    /// <summary>Seeded order ids.</summary>
    public static partial class Seeded
    {
        /// <summary>Retailer 12's order of the new fulfillment 929 (70929).</summary>
        public const long Order = 70_929;

        /// <summary>Retailer 12's order of the shipped fulfillment 77 (70077), for returns.</summary>
        public const long ShippedOrder = 70_077;
    }

    /// <summary>A retailer's orders.</summary>
    /// <param name="retailerId">The retailer.</param>
    /// <returns>A snapshot, with each order's fulfillments as the suppliers see them now.</returns>
    public IReadOnlyList<RetailerOrder> Orders(long retailerId)
    {
        lock (_gate)
        {
            return _orders.Values.Where(o => o.RetailerId == retailerId).Select(OrderView).ToArray();
        }
    }

    internal SortedDictionary<long, OrderRecord> OrderRecords => _orders;

    internal OrderRecord? FindOrder(long retailerId, long orderId) =>
        _orders.TryGetValue(orderId, out var record) && record.RetailerId == retailerId ? record : null;

    /// <summary>The order's fulfillments as stored on the supplier side.</summary>
    internal IEnumerable<FulfillmentRecord> FulfillmentsOf(OrderRecord order) =>
        order.FulfillmentIds.Select(id => _fulfillments.GetValueOrDefault(id)).OfType<FulfillmentRecord>();

    /// <summary>
    /// The order as the retailer reads it: its fulfillments' current states and tracking numbers, and a state derived
    /// from them (canceled or shipped once every fulfillment is; ordered until then).
    /// </summary>
    internal RetailerOrder OrderView(OrderRecord order)
    {
        var fulfillments = FulfillmentsOf(order).Select(static f => OrderFulfillmentView(f)).ToArray();
        var state = fulfillments.Length > 0 && fulfillments.All(static f => f.FulfillmentState == FulfillmentStates.Canceled) ? "canceled"
            : fulfillments.Length > 0 && fulfillments.All(static f => f.FulfillmentState == FulfillmentStates.Shipped) ? "shipped"
            : order.Value.State;
        var updated = FulfillmentsOf(order).Select(static f => f.Value.UpdatedAt).Append(order.Value.UpdatedAt).Max();
        return order.Value with { State = state, Fulfillments = fulfillments, UpdatedAt = updated };
    }

    internal static OrderFulfillment OrderFulfillmentView(FulfillmentRecord record) => new()
    {
        Id = record.Value.Id,
        SupplierId = record.SupplierId,
        FulfillmentState = record.Value.FulfillmentState,
        TrackingNumbers = record.Value.TrackingNumber is { } tracking ? [tracking] : [],
    };

    /// <summary>Seeds everything beside the fulfillments, then an order for each seeded fulfillment of a retailer.</summary>
    partial void SeedOtherResources(DateTimeOffset created)
    {
        SeedProfiles(created);
        SeedCatalog(created);
        foreach (var fulfillment in _fulfillments.Values.Where(static f => f.Value.OrderId is not null && f.Value.RetailerId is not null).ToArray())
        {
            var value = fulfillment.Value;
            var lines = (value.FulfillmentLines ?? []).Select(line => new OrderLine
            {
                RetailerSku = line.Sku ?? line.Upc ?? line.Ean,
                VariantId = _variants.Values.FirstOrDefault(v => v.SupplierId == fulfillment.SupplierId && v.Sku == line.Sku)?.Id,
                Quantity = line.Quantity,
                UnitPrice = line.UnitPrice,
            }).ToArray();
            _orders[value.OrderId!.Value] = new OrderRecord(value.RetailerId!.Value, new RetailerOrder
            {
                Id = value.OrderId.Value,
                RetailerId = value.RetailerId,
                RetailerOrderId = value.RetailerOrderId,
                IdInSource = "SRC-" + value.RetailerOrderId,
                Type = OrderTypes.Ecommerce,
                State = OrderStates.Ordered,
                ShippingMethodCode = value.ShippingMethodCode,
                ShippingAddress = value.ShippingAddress,
                OrderLines = lines,
                CreatedAt = created,
                UpdatedAt = created,
            }, [value.Id]);
        }
    }

    /// <summary>A stored order: its retailer, what the retailer sent, and the fulfillments it was split into.</summary>
    internal sealed record OrderRecord(long RetailerId, RetailerOrder Value, IReadOnlyList<long> FulfillmentIds);
}
