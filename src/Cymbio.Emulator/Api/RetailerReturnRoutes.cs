using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Cymbio.Api;
using Cymbio.Api.Retailers;
using Cymbio.Api.Suppliers;

namespace Cymbio.Emulator;

/// <summary>
/// The retailer's returns (docs/cymbio-api.md I-24, I-25). A return of an order's shipped lines is stored once per
/// fulfillment, as the supplier's return of that fulfillment, so the supplier sees it in its returns and the retailer
/// sees the supplier's decisions (approved, rejected, refunded). With a <c>return_id</c> the return is created once.
/// </summary>
internal static class RetailerReturnRoutes
{
    public static void Register(Dictionary<string, RouteHandler> handlers)
    {
        handlers.Add("POST", "/v3/retailers/{retailerId}/orders/{orderId}/returns", CreateAsync);
        handlers.Add("GET", "/v3/retailers/{retailerId}/returns", ListAsync);
    }

    private static async Task CreateAsync(EmulatorCall call)
    {
        var request = await call.BodyAsync(CymbioApiJsonContext.Default.ReturnRequest).ConfigureAwait(false);
        foreach (var line in RouteChecks.NotEmpty(request.ReturnLines, "return_lines"))
        {
            if (line is null || (line.Sku is null && line.Upc is null && line.Ean is null) || line.Quantity <= 0)
            {
                throw EmulatorRequestException.BadRequest("Each return line needs a sku, upc or ean and a positive quantity.");
            }
        }

        var retailer = call.Id("retailerId");
        var orderId = call.Id("orderId");
        var (created, ids) = call.Data.Locked(() =>
        {
            var order = call.Data.FindOrder(retailer, orderId) ?? throw EmulatorRequestException.NotFound($"Retailer {retailer} has no order {orderId}.");
            var fulfillments = call.Data.FulfillmentsOf(order).ToArray();
            if (request.ReturnId is { } returnId)
            {
                var existing = call.Data.ReturnRecords.Where(r => r.ReturnId == returnId && fulfillments.Any(f => f.Value.Id == r.FulfillmentId)).Select(static r => r.Id).ToArray();
                if (existing.Length > 0)
                {
                    return (false, existing);
                }
            }

            var plan = request.ReturnLines.Select(line =>
            {
                var fulfillment = fulfillments.FirstOrDefault(f => RetailerOrderRoutes.Contains(f, line))
                    ?? throw EmulatorRequestException.BadRequest($"Order {orderId} has no line {RouteChecks.Describe(line.Sku, line.Upc, line.Ean)}.");
                if (fulfillment.Value.FulfillmentState != FulfillmentStates.Shipped)
                {
                    throw EmulatorRequestException.Conflict($"Fulfillment {fulfillment.Value.Id} of order {orderId} is {fulfillment.Value.FulfillmentState}; only shipped lines can be returned.");
                }

                var ordered = fulfillment.Value.FulfillmentLines!.First(l => RetailerOrderRoutes.LineMatches(l, line)).Quantity;
                return line.Quantity <= ordered
                    ? (Fulfillment: fulfillment, Line: line)
                    : throw EmulatorRequestException.BadRequest($"Order {orderId} has only {ordered} of {RouteChecks.Describe(line.Sku, line.Upc, line.Ean)}.");
            }).ToArray();

            var stored = plan.GroupBy(static p => p.Fulfillment).Select(group => new SupplierReturn
            {
                Id = call.Data.NextId(),
                ReturnId = request.ReturnId,
                FulfillmentId = group.Key.Value.Id,
                RetailerId = retailer,
                Reason = request.Reason,
                State = "requested",
                ReturnLines = group.Select(static p => p.Line).ToArray(),
            }).ToArray();
            call.Data.ReturnRecords.AddRange(stored);
            return (true, stored.Select(static r => r.Id).ToArray());
        });
        var list = string.Join(", ", ids);
        await call.SuccessAsync(created ? $"Return {list} created." : $"Return {list} exists already (same return_id).", created ? 201 : 200).ConfigureAwait(false);
    }

    private static Task ListAsync(EmulatorCall call)
    {
        var retailer = call.Id("retailerId");
        var filter = call.Filter();
        var returns = call.Data.Locked(() => call.Data.ReturnRecords
            .Select(r => (Return: r, Fulfillment: r.FulfillmentId is { } f ? call.Data.FulfillmentRecords.FirstOrDefault(x => x.Value.Id == f) : null))
            .Where(x => x.Fulfillment is { } f && f.Value.RetailerId == retailer)
            .Select(static x => new RetailerReturn
            {
                Id = x.Return.Id,
                ReturnId = x.Return.ReturnId,
                OrderId = x.Fulfillment!.Value.OrderId,
                SupplierId = x.Fulfillment.SupplierId,
                Reason = x.Return.Reason,
                State = x.Return.State,
                ReturnLines = x.Return.ReturnLines,
                RefundAmount = x.Return.RefundAmount,
            })
            .Where(r => FilterMatch.All(filter, key => key switch
            {
                "state" => FilterMatch.Text(r.State),
                "order_id" => FilterMatch.Number(r.OrderId),
                "supplier_id" => FilterMatch.Number(r.SupplierId),
                "return_id" => FilterMatch.Text(r.ReturnId),
                _ => null,
            }))
            .ToArray());
        return call.OkProjectedAsync(call.Page(returns), CymbioApiJsonContext.Default.IReadOnlyListRetailerReturn);
    }
}
