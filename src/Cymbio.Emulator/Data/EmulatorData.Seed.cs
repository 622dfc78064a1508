using System;
using Cymbio.Api;
using Cymbio.Api.Suppliers;

namespace Cymbio.Emulator;

/// <summary>The seeded data: the ids of Cymbio's Postman collection and docs (supplier 88, fulfillments 929, 3832, 120, 56, 9).</summary>
public sealed partial class EmulatorData
{
    /// <summary>The ids of the seeded fulfillments, by what they are good for.</summary>
    public static partial class Seeded
    {
        /// <summary>New fulfillments of supplier 88, ready to accept (929 is the one Cymbio's collection accepts).</summary>
        public static readonly long[] NewFulfillments = [929, 1001, 1002, 1003];

        /// <summary>An accepted fulfillment of supplier 88 with two lines, shippable by <c>POST …/fulfillments/shipments</c> (3832).</summary>
        public const long AcceptedWithTwoLines = 3832;

        /// <summary>A new fulfillment of supplier 88 whose lines can be rejected (120: SKU/UPC 100100, UPC 200200).</summary>
        public const long Rejectable = 120;

        /// <summary>A fulfillment of supplier 88 whose cancellation the retailer asked for (56).</summary>
        public const long CancellationRequested = 56;

        /// <summary>An accepted fulfillment of supplier 88 (9).</summary>
        public const long Accepted = 9;

        /// <summary>A shipped fulfillment of supplier 88 with lines AAA222 × 5 and BBB222 × 2, for returns (77).</summary>
        public const long Shipped = 77;

        /// <summary>A new fulfillment of another supplier (99), out of reach of supplier 88's tokens (5001).</summary>
        public const long OtherSuppliers = 5001;
    }

    private void Seed()
    {
        var supplier = EmulatorAccounts.SupplierId;
        var created = _clock.GetUtcNow().AddHours(-2);
        foreach (var id in Seeded.NewFulfillments)
        {
            SeedFulfillment(supplier, id, FulfillmentStates.New, created, Line($"SKU-{id}-A", 1, 49.90m), Line($"SKU-{id}-B", 2, 19.50m));
        }

        SeedFulfillment(supplier, Seeded.AcceptedWithTwoLines, FulfillmentStates.Accepted, created, Line("842956154969", 1, 35m), Line("842956137665", 1, 35m));
        SeedFulfillment(supplier, Seeded.Rejectable, FulfillmentStates.New, created, Line("100100", 1, 12m) with { Upc = "100100" }, new FulfillmentLine { Upc = "200200", Quantity = 1, UnitPrice = 12m });
        SeedFulfillment(supplier, Seeded.CancellationRequested, FulfillmentStates.Canceling, created, Line("SKU-56-A", 1, 80m));
        _fulfillments[Seeded.CancellationRequested] = _fulfillments[Seeded.CancellationRequested] with { StateBeforeCancellation = FulfillmentStates.Accepted };
        SeedFulfillment(supplier, Seeded.Accepted, FulfillmentStates.Accepted, created, Line("SKU-9-A", 3, 10m));
        SeedFulfillment(supplier, Seeded.Shipped, FulfillmentStates.Shipped, created, Line("AAA222", 5, 22m), Line("BBB222", 2, 18m));
        SeedFulfillment(99, Seeded.OtherSuppliers, FulfillmentStates.New, created, Line("OTHER-1", 1, 5m));
        SeedOtherResources(created);
    }

    private void SeedFulfillment(long supplierId, long id, string state, DateTimeOffset created, params FulfillmentLine[] lines)
    {
        _fulfillments[id] = new FulfillmentRecord(supplierId, new Fulfillment
        {
            Id = id,
            RetailerId = EmulatorAccounts.RetailerId,
            RetailerName = "Emulator Retail Store",
            RetailerErpId = "ERP-" + id,
            RetailerState = RetailerStates.Ordered,
            FulfillmentState = state,
            OrderId = 70_000 + id,
            RetailerOrderId = "R-" + id,
            WarehouseId = 1,
            ShippingMethodCode = "UPS_GROUND",
            ShippingAddress = new Address { FirstName = "Dana", LastName = "Lee", Address1 = "1 Market St", City = "San Francisco", State = "CA", Zip = "94105", Country = "US" },
            FulfillmentLines = lines,
            TrackingNumber = state == FulfillmentStates.Shipped ? "1ZEMULATOR" + id : null,
            CreatedAt = created,
            UpdatedAt = created,
        });
    }

    private static FulfillmentLine Line(string sku, int quantity, decimal price) => new() { Sku = sku, Quantity = quantity, UnitPrice = price };

    /// <summary>Seeds the resources other than fulfillments (variants, warehouses, inventory, orders, channels…).</summary>
    partial void SeedOtherResources(DateTimeOffset created);
}
