using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Cymbio.Api.Suppliers;
using Cymbio.Api.Tests.Infrastructure;
using Xunit;

namespace Cymbio.Api.Tests.Suppliers;

/// <summary>
/// Every supplier fulfillment endpoint sends exactly the method, path, query and JSON body of docs/cymbio-api.md §4.1
/// and §6.2 (bodies copied from the Postman collection S9 where it shows them), with a bearer token.
/// </summary>
public sealed class SupplierFulfillmentsRequestTests
{
    private const long Supplier = 88;

    internal static readonly Dictionary<string, (Func<ISupplierFulfillmentsApi, Task> Call, string Method, string PathAndQuery, string? Body)> Cases = new()
    {
        ["C-1 list"] = (api => api.ListAsync(Supplier), "GET", "/v3/suppliers/88/fulfillments", null),
        ["C-1 new orders, projected, paged"] = (
            api => api.ListAsync(Supplier, new FulfillmentFilter { RetailerState = RetailerStates.Ordered, FulfillmentState = FulfillmentStates.New }, ["id", "fulfillment_state"], 50, 100),
            "GET",
            "/v3/suppliers/88/fulfillments?filter=%7B%22retailer_state%22%3A%22ordered%22%2C%22fulfillment_state%22%3A%22new%22%7D&fields=id%2Cfulfillment_state&limit=50&offset=100",
            null),
        ["C-1 cancellation requests"] = (
            api => api.ListAsync(Supplier, new FulfillmentFilter { FulfillmentState = FulfillmentStates.Cancelling }),
            "GET",
            "/v3/suppliers/88/fulfillments?filter=%7B%22fulfillment_state%22%3A%22cancelling%22%7D",
            null),
        ["C-2 get"] = (api => api.GetAsync(Supplier, 929), "GET", "/v3/suppliers/88/fulfillments/929", null),
        ["C-3 update"] = (api => api.UpdateAsync(Supplier, 929, new FulfillmentUpdate("12345")), "PUT", "/v3/suppliers/88/fulfillments/929", """{"invoice_id":"12345"}"""),
        ["C-4 accept"] = (api => api.AcceptAsync(Supplier, 929, new AcceptFulfillmentRequest()), "PUT", "/v3/suppliers/88/fulfillments/929/setStatus/accepted", "{}"),
        ["C-4 accept with tracking"] = (api => api.AcceptAsync(Supplier, 929, new AcceptFulfillmentRequest("string")), "PUT", "/v3/suppliers/88/fulfillments/929/setStatus/accepted", """{"tracking_number":"string"}"""),
        ["C-5 ship"] = (api => api.ShipAsync(Supplier, 929, new ShipFulfillmentRequest("1Z3321233243242344")), "PUT", "/v3/suppliers/88/fulfillments/929/setStatus/shipped", """{"data":"1Z3321233243242344"}"""),
        ["C-6 cancel, path form"] = (api => api.CancelAsync(Supplier, 929, EmptyRequest.Instance), "PUT", "/v3/suppliers/88/fulfillments/929/setStatus/canceled", "{}"),
        ["C-6 cancel, body form"] = (api => api.SetStatusAsync(Supplier, 929, new FulfillmentStatusRequest(FulfillmentStatuses.Canceled)), "PUT", "/v3/suppliers/88/fulfillments/929/setStatus", """{"status":"canceled"}"""),
        ["C-7 refuse cancellation"] = (api => api.RefuseCancellationAsync(Supplier, 929, EmptyRequest.Instance), "PUT", "/v3/suppliers/88/fulfillments/929/setStatus/cancellation_not_allowed", "{}"),
        ["C-8 out of stock"] = (api => api.RejectOutOfStockAsync(Supplier, 929, EmptyRequest.Instance), "PUT", "/v3/suppliers/88/fulfillments/929/setStatus/out_of_stock", "{}"),
        ["C-9 missing SKU"] = (api => api.RejectMissingSkuAsync(Supplier, 929, EmptyRequest.Instance), "PUT", "/v3/suppliers/88/fulfillments/929/setStatus/missing_sku", "{}"),
        ["C-10 wrong address"] = (api => api.RejectWrongAddressAsync(Supplier, 929, EmptyRequest.Instance), "PUT", "/v3/suppliers/88/fulfillments/929/setStatus/wrong_address", "{}"),
        ["C-11 shipments"] = (
            api => api.CreateShipmentsAsync(Supplier, new ShipmentsRequest(3832, [new Shipment("1Z92483740968", [LineItem.BySku("842956154969", 1)])])),
            "POST",
            "/v3/suppliers/88/fulfillments/shipments",
            """{ "id": 3832, "shipments": [ { "trackingNumber": "1Z92483740968", "items": [ { "sku": "842956154969", "quantity": 1 } ] } ] }"""),
        ["C-12 rejections"] = (
            api => api.RejectLinesAsync(Supplier, [new Rejection(120, [LineItem.BySku("100100", 1)], "A111B222")]),
            "POST",
            "/v3/suppliers/88/fulfillments/rejections",
            """[ { "id": 120, "rejectId": "A111B222", "items": [ { "sku": "100100", "quantity": 1 } ] } ]"""),
        ["C-12 rejections, snapshot mode, by UPC"] = (
            api => api.RejectLinesAsync(Supplier, [new Rejection(120, [LineItem.ByUpc("012345678905", 2)])]),
            "POST",
            "/v3/suppliers/88/fulfillments/rejections",
            """[ { "id": 120, "items": [ { "upc": "012345678905", "quantity": 2 } ] } ]"""),
        ["C-13 return"] = (
            api => api.CreateReturnAsync(Supplier, 929, new ReturnRequest([LineItem.BySku("AAA222", 5)], "Wrong Size", "A11B22")),
            "POST",
            "/v3/suppliers/88/fulfillments/929/returns",
            """{ "reason": "Wrong Size", "return_id": "A11B22", "return_lines": [ { "quantity": 5, "sku": "AAA222" } ] }"""),
        ["I-15 returns"] = (
            api => api.ListReturnsAsync(Supplier, new ReturnFilter { State = ReturnStatuses.Approved }, limit: 10),
            "GET",
            "/v3/suppliers/88/returns?filter=%7B%22state%22%3A%22approved%22%7D&limit=10",
            null),
        ["I-16 return refunded"] = (
            api => api.SetReturnStatusAsync(Supplier, 5, ReturnStatuses.Refunded, new RefundRequest(12.5m)),
            "PUT",
            "/v3/suppliers/88/returns/5/setStatus/refunded",
            """{"refund_amount":12.5}"""),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Request_IsWhatCymbioDocuments(string name)
    {
        var (call, method, pathAndQuery, body) = Cases[name];
        await ApiAssert.SendsAsync(call, method, pathAndQuery, body);
    }

    [Fact]
    public void EveryMethodOfTheInterface_HasACase() => ApiAssert.CoverEveryEndpoint<ISupplierFulfillmentsApi>(Cases.Keys);
}
