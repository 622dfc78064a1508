using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Cymbio.Api;
using Cymbio.Api.Retailers;
using Cymbio.Api.Suppliers;
using Microsoft.AspNetCore.Http;
using Record = Cymbio.Emulator.EmulatorData.FulfillmentRecord;

namespace Cymbio.Emulator;

/// <summary>
/// The retailer's orders (docs/cymbio-api.md C-21, I-20…I-23): an order is split into one fulfillment per supplier of
/// its lines (each line names a variant of the retailer's catalogue by variant_id or retailer_sku), created
/// <c>new</c> on the supplier side; reads show the fulfillments' current states and tracking numbers; a cancellation
/// request moves the order's open fulfillments to <c>canceling</c>, for the supplier to approve or refuse.
/// </summary>
internal static class RetailerOrderRoutes
{
    private const string Orders = "/v3/retailers/{retailerId}/orders";
    private const string One = Orders + "/{orderId}";

    public static void Register(Dictionary<string, RouteHandler> handlers)
    {
        handlers.Add("POST", Orders, CreateAsync);
        handlers.Add("GET", Orders, ListAsync);
        handlers.Add("GET", One, GetAsync);
        handlers.Add("GET", One + "/fulfillments", ListFulfillmentsAsync);
        handlers.Add("PUT", One + "/setStatus/cancelled", CancelAsync);
    }

    private static async Task CreateAsync(EmulatorCall call)
    {
        var request = await call.BodyAsync(CymbioApiJsonContext.Default.CreateOrderRequest).ConfigureAwait(false);
        var retailerOrderId = RouteChecks.Required(request.RetailerOrderId, "retailer_order_id");
        foreach (var line in RouteChecks.NotEmpty(request.OrderLines, "order_lines"))
        {
            if (line is null || (line.VariantId is null && string.IsNullOrWhiteSpace(line.RetailerSku)))
            {
                throw EmulatorRequestException.BadRequest("Each order line needs a variant_id or a retailer_sku.");
            }

            if (line.Quantity <= 0)
            {
                throw EmulatorRequestException.BadRequest($"The quantity of order line {Describe(line)} must be positive.");
            }

            RouteChecks.NotNegative(line.UnitPrice, "unit_price");
        }

        var retailer = call.Id("retailerId");
        var order = call.Data.Locked(() =>
        {
            var profile = call.Data.RetailerRecords.GetValueOrDefault(retailer) ?? throw EmulatorRequestException.NotFound($"No retailer {retailer}.");
            if (request.ShippingMethodCode is { } code && profile.ShippingMethodCodes is { Count: > 0 } codes && !codes.Contains(code, StringComparer.Ordinal))
            {
                throw EmulatorRequestException.BadRequest($"Unknown shipping_method_code '{EmulatorText.Printable(code)}'; retailer {retailer} uses {string.Join(", ", codes)}.");
            }

            if (call.Data.OrderRecords.Values.FirstOrDefault(o => o.RetailerId == retailer && o.Value.RetailerOrderId == retailerOrderId) is { } existing)
            {
                throw EmulatorRequestException.Conflict($"Retailer order id {EmulatorText.Printable(retailerOrderId)} exists already (order {existing.Value.Id}).");
            }

            // Resolve every line before creating anything.
            var resolved = request.OrderLines.Select(line => (Line: line, Variant: Resolve(call.Data, retailer, line))).ToArray();
            var orderId = call.Data.NextId();
            var fulfillmentIds = new List<long>();
            foreach (var group in resolved.GroupBy(static r => r.Variant.SupplierId!.Value))
            {
                var supplier = group.Key;
                var connection = call.Data.Connections.First(c => c.SupplierId == supplier && c.RetailerId == retailer);
                var fulfillment = new Fulfillment
                {
                    Id = call.Data.NextId(),
                    RetailerId = retailer,
                    RetailerName = profile.Name,
                    RetailerErpId = connection.RetailerErpId,
                    RetailerState = RetailerStates.Ordered,
                    FulfillmentState = FulfillmentStates.New,
                    OrderId = orderId,
                    RetailerOrderId = retailerOrderId,
                    WarehouseId = call.Data.WarehouseRecords.Values.FirstOrDefault(w => w.SupplierId == supplier && w.Value.IsActive != false)?.Value.Id,
                    ShippingMethodCode = request.ShippingMethodCode,
                    ShippingAddress = request.ShippingAddress,
                    BillingAddress = request.BillingAddress,
                    FulfillmentLines = group.Select(static r => new FulfillmentLine
                    {
                        Sku = r.Variant.Sku, Upc = r.Variant.Upc, Ean = r.Variant.Ean, VariantId = r.Variant.Id, Quantity = r.Line.Quantity, UnitPrice = r.Line.UnitPrice ?? r.Variant.RetailPrice,
                    }).ToArray(),
                    CreatedAt = call.Now,
                    UpdatedAt = call.Now,
                };
                call.Data.AddFulfillment(supplier, fulfillment);
                fulfillmentIds.Add(fulfillment.Id);
            }

            var record = new EmulatorData.OrderRecord(retailer, new RetailerOrder
            {
                Id = orderId,
                RetailerId = retailer,
                RetailerOrderId = retailerOrderId,
                IdInSource = request.IdInSource,
                Type = request.Type ?? OrderTypes.Ecommerce,
                State = OrderStates.Ordered,
                ShippingMethodCode = request.ShippingMethodCode,
                ShippingPaid = request.ShippingPaid,
                ShippingAddress = request.ShippingAddress,
                BillingAddress = request.BillingAddress,
                OrderLines = resolved.Select(static r => r.Line with { VariantId = r.Variant.Id, RetailerSku = r.Line.RetailerSku ?? r.Variant.Sku }).ToArray(),
                CreatedAt = call.Now,
                UpdatedAt = call.Now,
            }, fulfillmentIds);
            call.Data.OrderRecords[orderId] = record;
            return call.Data.OrderView(record);
        });
        await call.OkAsync(order, CymbioApiJsonContext.Default.RetailerOrder, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private static Task ListAsync(EmulatorCall call)
    {
        var retailer = call.Id("retailerId");
        var filter = call.Filter();
        var orders = call.Data.Locked(() => call.Data.OrderRecords.Values
            .Where(o => o.RetailerId == retailer)
            .Select(call.Data.OrderView)
            .Where(o => Matches(o, filter))
            .ToArray());
        return call.OkProjectedAsync(call.Page(orders), CymbioApiJsonContext.Default.IReadOnlyListRetailerOrder);
    }

    private static Task GetAsync(EmulatorCall call)
    {
        var order = call.Data.Locked(() => call.Data.OrderView(Find(call)));
        return call.OkProjectedAsync(order, CymbioApiJsonContext.Default.RetailerOrder);
    }

    private static Task ListFulfillmentsAsync(EmulatorCall call)
    {
        var fulfillments = call.Data.Locked(() => call.Data.FulfillmentsOf(Find(call)).Select(static f => EmulatorData.OrderFulfillmentView(f)).ToArray());
        return call.OkProjectedAsync(fulfillments, CymbioApiJsonContext.Default.IReadOnlyListOrderFulfillment);
    }

    private static async Task CancelAsync(EmulatorCall call)
    {
        var request = await call.BodyAsync(CymbioApiJsonContext.Default.CancelOrderRequest).ConfigureAwait(false);
        foreach (var line in request.OrderLines ?? [])
        {
            if (line is null || (line.Sku is null && line.Upc is null && line.Ean is null) || line.Quantity <= 0)
            {
                throw EmulatorRequestException.BadRequest("Each order line to cancel needs a sku, upc or ean and a positive quantity.");
            }
        }

        var (requested, already) = call.Data.Locked(() =>
        {
            var order = Find(call);
            var fulfillments = call.Data.FulfillmentsOf(order).ToArray();
            var targets = request.OrderLines is { Count: > 0 } lines
                ? lines.Select(line => fulfillments.FirstOrDefault(f => Contains(f, line))
                    ?? throw EmulatorRequestException.BadRequest($"Order {order.Value.Id} has no line {RouteChecks.Describe(line.Sku, line.Upc, line.Ean)}.")).Distinct().ToArray()
                : fulfillments;
            var open = targets.Where(static f => f.Value.FulfillmentState is FulfillmentStates.New or FulfillmentStates.Accepted).ToArray();
            var pending = targets.Count(static f => FulfillmentStates.IsCancellationRequested(f.Value.FulfillmentState) || f.Value.FulfillmentState == FulfillmentStates.Canceled);
            if (open.Length == 0 && pending < targets.Length)
            {
                var closed = targets.First(static f => !FulfillmentStates.IsCancellationRequested(f.Value.FulfillmentState) && f.Value.FulfillmentState != FulfillmentStates.Canceled);
                throw EmulatorRequestException.Conflict($"Order {order.Value.Id} cannot be cancelled: fulfillment {closed.Value.Id} is {closed.Value.FulfillmentState}.");
            }

            foreach (var fulfillment in open)
            {
                call.Data.Update(fulfillment, static f => f with { FulfillmentState = FulfillmentStates.Canceling }, stateBeforeCancellation: fulfillment.Value.FulfillmentState);
            }

            return (open.Length, pending);
        });
        await call.SuccessAsync(requested == 0
            ? $"Cancellation of order {call.Id("orderId")} was requested already."
            : $"Cancellation of order {call.Id("orderId")} requested from the supplier ({requested} fulfillment(s)); {already} were cancelling or canceled already.").ConfigureAwait(false);
    }

    private static EmulatorData.OrderRecord Find(EmulatorCall call)
    {
        var retailer = call.Id("retailerId");
        var id = call.Id("orderId");
        return call.Data.FindOrder(retailer, id) ?? throw EmulatorRequestException.NotFound($"Retailer {retailer} has no order {id}.");
    }

    /// <summary>The variant of the retailer's catalogue a line names; both keys, when given, must name the same variant.</summary>
    private static Variant Resolve(EmulatorData data, long retailer, OrderLine line)
    {
        if (line.VariantId is { } id)
        {
            var variant = data.VariantRecords.GetValueOrDefault(id) is { } v && data.IsVisibleTo(retailer, v)
                ? v
                : throw EmulatorRequestException.BadRequest($"Variant {id} is not in retailer {retailer}'s catalogue.");
            return line.RetailerSku is null || line.RetailerSku == variant.Sku
                ? variant
                : throw EmulatorRequestException.BadRequest($"Order line {Describe(line)}: variant {id} has sku {EmulatorText.Printable(variant.Sku)}.");
        }

        var matches = data.VariantRecords.Values.Where(v => v.Sku == line.RetailerSku && data.IsVisibleTo(retailer, v)).Take(2).ToArray();
        return matches.Length switch
        {
            1 => matches[0],
            0 => throw EmulatorRequestException.BadRequest($"No variant of retailer {retailer}'s catalogue has sku {EmulatorText.Printable(line.RetailerSku)}."),
            _ => throw EmulatorRequestException.BadRequest($"Several suppliers have sku {EmulatorText.Printable(line.RetailerSku)}; give the variant_id."),
        };
    }

    internal static bool Contains(Record fulfillment, LineItem item) =>
        (fulfillment.Value.FulfillmentLines ?? []).Any(l => LineMatches(l, item));

    internal static bool LineMatches(FulfillmentLine line, LineItem item) =>
        (item.Sku is not null && item.Sku == line.Sku) || (item.Upc is not null && item.Upc == line.Upc) || (item.Ean is not null && item.Ean == line.Ean);

    private static bool Matches(RetailerOrder order, JsonElement filter) =>
        FilterMatch.All(filter, key => key switch
        {
            "state" => FilterMatch.Text(order.State),
            "retailer_order_id" => FilterMatch.Text(order.RetailerOrderId),
            "id" => FilterMatch.Number(order.Id),
            _ => null,
        });

    private static string Describe(OrderLine line) =>
        line.VariantId is { } id ? $"variant_id {id}" : $"retailer_sku {EmulatorText.Printable(line.RetailerSku)}";
}
