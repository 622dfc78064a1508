using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Cymbio.Api;
using Cymbio.Api.Suppliers;
using Record = Cymbio.Emulator.EmulatorData.FulfillmentRecord;

namespace Cymbio.Emulator;

/// <summary>
/// <c>/v3/suppliers/{supplierId}/fulfillments…</c> and the supplier's returns (docs/cymbio-api.md §4.1, I-15, I-16):
/// fulfillments move new → accepted → shipped, or to a rejection status, or (after the retailer asked) to canceled;
/// a move the state does not allow is 409 with a message naming the state.
/// </summary>
internal static class SupplierFulfillmentRoutes
{
    private const string Fulfillments = "/v3/suppliers/{supplierId}/fulfillments";
    private const string One = Fulfillments + "/{fulfillmentId}";



    public static void Register(Dictionary<string, RouteHandler> handlers)
    {
        handlers.Add("GET", Fulfillments, ListAsync);
        handlers.Add("GET", One, GetAsync);
        handlers.Add("PUT", One, UpdateAsync);
        handlers.Add("PUT", One + "/setStatus/accepted", AcceptAsync);
        handlers.Add("PUT", One + "/setStatus/shipped", ShipAsync);
        handlers.Add("PUT", One + "/setStatus/canceled", call => CancelAsync(call, FulfillmentStatuses.Canceled));
        handlers.Add("PUT", One + "/setStatus", SetStatusAsync);
        handlers.Add("PUT", One + "/setStatus/cancellation_not_allowed", call => CancelAsync(call, FulfillmentStatuses.CancellationNotAllowed));
        handlers.Add("PUT", One + "/setStatus/out_of_stock", call => RejectAsync(call, FulfillmentStatuses.OutOfStock));
        handlers.Add("PUT", One + "/setStatus/missing_sku", call => RejectAsync(call, FulfillmentStatuses.MissingSku));
        handlers.Add("PUT", One + "/setStatus/wrong_address", call => RejectAsync(call, FulfillmentStatuses.WrongAddress));
        handlers.Add("POST", Fulfillments + "/shipments", ShipmentsAsync);
        handlers.Add("POST", Fulfillments + "/rejections", RejectionsAsync);
        handlers.Add("POST", One + "/returns", CreateReturnAsync);
        handlers.Add("GET", "/v3/suppliers/{supplierId}/returns", ListReturnsAsync);
        handlers.Add("PUT", "/v3/suppliers/{supplierId}/returns/{returnId}/setStatus/{status}", SetReturnStatusAsync);
    }

    private static Task ListAsync(EmulatorCall call)
    {
        var supplier = call.Id("supplierId");
        var filter = call.Filter();
        var items = call.Data.Locked(() => call.Data.FulfillmentRecords
            .Where(r => r.SupplierId == supplier && Matches(r.Value, filter))
            .Select(static r => r.Value)
            .ToArray());
        return call.OkProjectedAsync(call.Page(items), CymbioApiJsonContext.Default.IReadOnlyListFulfillment);
    }

    private static Task GetAsync(EmulatorCall call)
    {
        var fulfillment = call.Data.Locked(() => Find(call).Value);
        return call.OkProjectedAsync(fulfillment, CymbioApiJsonContext.Default.Fulfillment);
    }

    private static async Task UpdateAsync(EmulatorCall call)
    {
        var update = await call.BodyAsync(CymbioApiJsonContext.Default.FulfillmentUpdate).ConfigureAwait(false);
        var id = call.Data.Locked(() =>
        {
            var record = Find(call);
            call.Data.Update(record, f => f with { InvoiceId = update.InvoiceId ?? f.InvoiceId });
            return record.Value.Id;
        });
        await call.SuccessAsync($"Fulfillment {id} updated.").ConfigureAwait(false);
    }

    private static async Task AcceptAsync(EmulatorCall call)
    {
        var request = await call.BodyAsync(CymbioApiJsonContext.Default.AcceptFulfillmentRequest).ConfigureAwait(false);
        var id = Transition(call, [FulfillmentStates.New, FulfillmentStates.Accepted], "accepted", f => f with
        {
            FulfillmentState = FulfillmentStates.Accepted,
            TrackingNumber = request.TrackingNumber ?? f.TrackingNumber,
        });
        await call.SuccessAsync($"Fulfillment {id} accepted.").ConfigureAwait(false);
    }

    private static async Task ShipAsync(EmulatorCall call)
    {
        var request = await call.BodyAsync(CymbioApiJsonContext.Default.ShipFulfillmentRequest).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(request.TrackingNumber))
        {
            throw EmulatorRequestException.BadRequest("Shipping needs a tracking number in \"data\".");
        }

        var id = Transition(call, [FulfillmentStates.New, FulfillmentStates.Accepted], "shipped", f => f with
        {
            FulfillmentState = FulfillmentStates.Shipped,
            TrackingNumber = request.TrackingNumber,
        });
        await call.SuccessAsync($"Fulfillment {id} shipped.").ConfigureAwait(false);
    }

    private static async Task SetStatusAsync(EmulatorCall call)
    {
        var request = await call.BodyAsync(CymbioApiJsonContext.Default.FulfillmentStatusRequest).ConfigureAwait(false);
        switch (request.Status)
        {
            case FulfillmentStatuses.Canceled or FulfillmentStatuses.CancellationNotAllowed:
                await CancelCoreAsync(call, request.Status).ConfigureAwait(false);
                break;
            case FulfillmentStatuses.OutOfStock or FulfillmentStatuses.MissingSku or FulfillmentStatuses.WrongAddress:
                await RejectCoreAsync(call, request.Status).ConfigureAwait(false);
                break;
            case FulfillmentStatuses.Accepted:
                var accepted = Transition(call, [FulfillmentStates.New, FulfillmentStates.Accepted], "accepted", static f => f with { FulfillmentState = FulfillmentStates.Accepted });
                await call.SuccessAsync($"Fulfillment {accepted} accepted.").ConfigureAwait(false);
                break;
            default:
                throw EmulatorRequestException.BadRequest($"Unknown status '{Printable(request.Status)}'.");
        }
    }

    private static async Task CancelAsync(EmulatorCall call, string status)
    {
        await call.EmptyBodyAsync().ConfigureAwait(false);
        await CancelCoreAsync(call, status).ConfigureAwait(false);
    }

    private static Task CancelCoreAsync(EmulatorCall call, string status)
    {
        var id = call.Data.Locked(() =>
        {
            var record = Find(call);
            if (!FulfillmentStates.IsCancellationRequested(record.Value.FulfillmentState))
            {
                throw EmulatorRequestException.Conflict($"Fulfillment {record.Value.Id} is {record.Value.FulfillmentState}: the retailer has not asked to cancel it.");
            }

            var next = status == FulfillmentStatuses.Canceled ? FulfillmentStates.Canceled : record.StateBeforeCancellation ?? FulfillmentStates.Accepted;
            call.Data.Update(record, f => f with { FulfillmentState = next });
            return record.Value.Id;
        });
        return call.SuccessAsync(status == FulfillmentStatuses.Canceled ? $"Fulfillment {id} canceled." : $"Cancellation of fulfillment {id} refused.");
    }

    private static async Task RejectAsync(EmulatorCall call, string status)
    {
        await call.EmptyBodyAsync().ConfigureAwait(false);
        await RejectCoreAsync(call, status).ConfigureAwait(false);
    }

    private static Task RejectCoreAsync(EmulatorCall call, string status)
    {
        var id = Transition(call, [FulfillmentStates.New, FulfillmentStates.Accepted], status, f => f with { FulfillmentState = status });
        return call.SuccessAsync($"Fulfillment {id} rejected: {status}.");
    }

    private static async Task ShipmentsAsync(EmulatorCall call)
    {
        var request = await call.BodyAsync(CymbioApiJsonContext.Default.ShipmentsRequest).ConfigureAwait(false);
        if (request.Shipments is not { Count: > 0 } || request.Shipments.Any(static s => string.IsNullOrWhiteSpace(s.TrackingNumber) || s.Items is not { Count: > 0 }))
        {
            throw EmulatorRequestException.BadRequest("Each shipment needs a trackingNumber and at least one item.");
        }

        var supplier = call.Id("supplierId");
        call.Data.Locked(() =>
        {
            var record = call.Data.FindFulfillment(supplier, request.FulfillmentId)
                ?? throw EmulatorRequestException.NotFound($"Supplier {supplier} has no fulfillment {request.FulfillmentId}.");
            RequireState(record, [FulfillmentStates.New, FulfillmentStates.Accepted], "shipped");
            var shipped = FulfillmentLines.Add(record, record.Shipped, record.Rejected, request.Shipments.SelectMany(static s => s.Items));
            var next = record with { Shipped = shipped };
            call.Data.Replace(call.Data.Update(next, f => f with
            {
                FulfillmentState = FulfillmentLines.StateWhenHandled(next, f.FulfillmentState == FulfillmentStates.New ? FulfillmentStates.Accepted : f.FulfillmentState),
                TrackingNumber = request.Shipments[^1].TrackingNumber,
            }));
            return 0;
        });
        await call.SuccessAsync($"{request.Shipments.Count} shipment(s) recorded for fulfillment {request.FulfillmentId}.").ConfigureAwait(false);
    }

    private static async Task RejectionsAsync(EmulatorCall call)
    {
        var rejections = await call.BodyAsync(CymbioApiJsonContext.Default.RejectionArray).ConfigureAwait(false);
        if (rejections.Length == 0 || rejections.Any(static r => r.Items is not { Count: > 0 }))
        {
            throw EmulatorRequestException.BadRequest("Each rejection needs a fulfillment id and at least one item.");
        }

        var supplier = call.Id("supplierId");
        var applied = call.Data.Locked(() =>
        {
            // A rejection with a rejectId adds to what was rejected, once per rejectId ("ignored on duplicate"); one
            // without is a snapshot: it sets the rejected quantity of the lines it names (Cymbio's collection has an
            // "Update" request with rejectId and a "Snapshot" request without). Every rejection is checked on a
            // working copy before any is stored, so a bad one leaves the others unapplied too.
            var working = new Dictionary<long, Record>();
            var rejectIds = new HashSet<string>(StringComparer.Ordinal);
            var count = 0;
            foreach (var rejection in rejections)
            {
                if (rejection.RejectId is { } rejectId && (!call.Data.IsNewRejectId(rejectId) || !rejectIds.Add(rejectId)))
                {
                    continue;
                }

                var record = working.GetValueOrDefault(rejection.FulfillmentId)
                    ?? call.Data.FindFulfillment(supplier, rejection.FulfillmentId)
                    ?? throw EmulatorRequestException.NotFound($"Supplier {supplier} has no fulfillment {rejection.FulfillmentId}.");
                RequireState(record, [FulfillmentStates.New, FulfillmentStates.Accepted], "rejected");
                var rejected = rejection.RejectId is null
                    ? FulfillmentLines.Set(record, record.Rejected, rejection.Items)
                    : FulfillmentLines.Add(record, record.Rejected, record.Shipped, rejection.Items);
                working[rejection.FulfillmentId] = record with { Rejected = rejected };
                count++;
            }

            foreach (var id in rejectIds)
            {
                call.Data.AddRejectId(id);
            }

            foreach (var record in working.Values)
            {
                call.Data.Replace(call.Data.Update(record, f => f with { FulfillmentState = FulfillmentLines.StateWhenHandled(record, f.FulfillmentState) }));
            }

            return count;
        });
        await call.SuccessAsync(applied == rejections.Length ? $"{applied} rejection(s) recorded." : $"{applied} rejection(s) recorded; {rejections.Length - applied} ignored as duplicates.").ConfigureAwait(false);
    }

    private static async Task CreateReturnAsync(EmulatorCall call)
    {
        var request = await call.BodyAsync(CymbioApiJsonContext.Default.ReturnRequest).ConfigureAwait(false);
        if (request.ReturnLines is not { Count: > 0 } || request.ReturnLines.Any(static l => l.Quantity <= 0))
        {
            throw EmulatorRequestException.BadRequest("A return needs return_lines with positive quantities.");
        }

        var (created, id) = call.Data.Locked(() =>
        {
            var record = Find(call);
            RequireState(record, [FulfillmentStates.Shipped], "returned");
            if (request.ReturnId is { } returnId && call.Data.ReturnRecords.FirstOrDefault(r => r.ReturnId == returnId && r.FulfillmentId == record.Value.Id) is { } existing)
            {
                return (false, existing.Id);
            }

            foreach (var line in request.ReturnLines)
            {
                _ = FulfillmentLines.Index(record.Value, line);
            }

            var stored = new SupplierReturn
            {
                Id = call.Data.NextId(),
                ReturnId = request.ReturnId,
                FulfillmentId = record.Value.Id,
                RetailerId = record.Value.RetailerId,
                Reason = request.Reason,
                State = "requested",
                ReturnLines = request.ReturnLines,
            };
            call.Data.ReturnRecords.Add(stored);
            return (true, stored.Id);
        });
        await call.SuccessAsync(created ? $"Return {id} created." : $"Return {id} exists already (same return_id).", created ? 201 : 200).ConfigureAwait(false);
    }

    private static Task ListReturnsAsync(EmulatorCall call)
    {
        var supplier = call.Id("supplierId");
        var filter = call.Filter();
        var items = call.Data.Returns(supplier).Where(r => Matches(r, filter)).ToArray();
        return call.OkProjectedAsync(call.Page(items), CymbioApiJsonContext.Default.IReadOnlyListSupplierReturn);
    }

    private static async Task SetReturnStatusAsync(EmulatorCall call)
    {
        var status = call.Text("status");
        if (status is not (ReturnStatuses.Approved or ReturnStatuses.Rejected or ReturnStatuses.Refunded))
        {
            throw EmulatorRequestException.BadRequest($"Unknown return status '{Printable(status)}'; use approved, rejected or refunded.");
        }

        var request = await call.BodyAsync(CymbioApiJsonContext.Default.RefundRequest).ConfigureAwait(false);
        var supplier = call.Id("supplierId");
        var returnId = call.Id("returnId");
        call.Data.Locked(() =>
        {
            var list = call.Data.ReturnRecords;
            var index = list.FindIndex(r => r.Id == returnId);
            if (index < 0 || call.Data.FindFulfillment(supplier, list[index].FulfillmentId ?? 0) is null)
            {
                throw EmulatorRequestException.NotFound($"Supplier {supplier} has no return {returnId}.");
            }

            list[index] = list[index] with { State = status, RefundAmount = request.RefundAmount ?? list[index].RefundAmount };
            return 0;
        });
        await call.SuccessAsync($"Return {returnId} {status}.").ConfigureAwait(false);
    }

    private static long Transition(EmulatorCall call, string[] from, string target, Func<Fulfillment, Fulfillment> change) =>
        call.Data.Locked(() =>
        {
            var record = Find(call);
            RequireState(record, from, target);
            call.Data.Update(record, change);
            return record.Value.Id;
        });

    private static Record Find(EmulatorCall call)
    {
        var supplier = call.Id("supplierId");
        var id = call.Id("fulfillmentId");
        return call.Data.FindFulfillment(supplier, id) ?? throw EmulatorRequestException.NotFound($"Supplier {supplier} has no fulfillment {id}.");
    }

    private static void RequireState(Record record, string[] from, string target)
    {
        if (!from.Contains(record.Value.FulfillmentState, StringComparer.Ordinal))
        {
            throw EmulatorRequestException.Conflict(
                $"Fulfillment {record.Value.Id} is {record.Value.FulfillmentState}; only {string.Join(" or ", from)} fulfillments can be {target}.");
        }
    }

    private static bool Matches(Fulfillment fulfillment, JsonElement filter) =>
        FilterMatch.All(filter, key => key switch
        {
            "fulfillment_state" => FilterMatch.State(fulfillment.FulfillmentState),
            "retailer_state" => FilterMatch.Text(fulfillment.RetailerState),
            "retailer_id" => FilterMatch.Number(fulfillment.RetailerId),
            "id" => FilterMatch.Number(fulfillment.Id),
            "warehouse_id" => FilterMatch.Number(fulfillment.WarehouseId),
            _ => null,
        });

    private static bool Matches(SupplierReturn item, JsonElement filter) =>
        FilterMatch.All(filter, key => key switch
        {
            "state" => FilterMatch.Text(item.State),
            "fulfillment_id" => FilterMatch.Number(item.FulfillmentId),
            "retailer_id" => FilterMatch.Number(item.RetailerId),
            "return_id" => FilterMatch.Text(item.ReturnId),
            _ => null,
        });

    private static string Printable(string? text) => EmulatorText.Printable(text);
}
