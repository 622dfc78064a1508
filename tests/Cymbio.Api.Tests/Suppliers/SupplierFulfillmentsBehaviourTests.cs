using System;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using Cymbio.Api.Suppliers;
using Cymbio.Api.Tests.Infrastructure;
using Refit;
using Xunit;

namespace Cymbio.Api.Tests.Suppliers;

/// <summary>Scopes, provenance, payloads and the cancel-approval fallback of the supplier fulfillments API.</summary>
public sealed class SupplierFulfillmentsBehaviourTests
{
    [Fact]
    public void ScopeTable_HoldsEveryMethod_WithTheScopeItDeclares() =>
        ScopeAssert.TableHoldsEveryMethod(
            typeof(ISupplierFulfillmentsApi),
            static method => method.Name.StartsWith("List", StringComparison.Ordinal) || method.Name.StartsWith("Get", StringComparison.Ordinal)
                ? CymbioScopes.ReadOrders
                : CymbioScopes.WriteFulfillments);

    [Fact]
    public void EveryMethod_SaysWhereItComesFrom_InAttributeAndDoc()
    {
        foreach (var method in typeof(ISupplierFulfillmentsApi).GetMethods())
        {
            var endpoint = method.GetCustomAttribute<CymbioEndpointAttribute>();
            Assert.NotNull(endpoint);
            Assert.Matches("^[CI]-[0-9]+$", endpoint.Id);
            Assert.Equal(endpoint.Evidence == CymbioEvidence.Inferred, endpoint.Sources.Length == 0);
        }
    }

    [Fact]
    public void Fulfillment_FromThePayloadSketch_ReadsEveryField_AndIgnoresUnknownOnes()
    {
        const string json = """
            {
              "id": 929, "retailer_id": 0, "retailer_name": "Retailer Store Name", "retailer_erp_id": "123",
              "retailer_state": "ordered", "fulfillment_state": "canceling", "notes": [ {} ], "retailer_shipper_account": "string",
              "order_id": 5, "retailer_order_id": "R-5", "warehouse_id": 3, "shipping_method_code": "FEDEX",
              "shipping_address": { "first_name": "Ada", "city": "Tel Aviv", "country": "IL" }, "billing_address": { },
              "fulfillment_lines": [ { "sku": "SKU1", "upc": "u", "ean": "e", "variant_id": 11, "quantity": 2, "unit_price": 9.5 } ],
              "tracking_number": "1Z", "invoice_id": "INV", "created_at": "2022-02-03T05:52:25.418Z", "updated_at": "2022-02-04T00:00:00Z",
              "a_member_cymbio_added_later": { "nested": [1, 2] }
            }
            """;

        var fulfillment = JsonSerializer.Deserialize(json, CymbioApiJsonContext.Default.Fulfillment)!;

        Assert.Equal(929, fulfillment.Id);
        Assert.Equal("123", fulfillment.RetailerErpId);
        Assert.Equal(RetailerStates.Ordered, fulfillment.RetailerState);
        Assert.True(FulfillmentStates.IsCancellationRequested(fulfillment.FulfillmentState));
        Assert.Single(fulfillment.Notes!);
        Assert.Equal("Tel Aviv", fulfillment.ShippingAddress!.City);
        var line = Assert.Single(fulfillment.FulfillmentLines!);
        Assert.Equal((11L, 2, 9.5m), (line.VariantId!.Value, line.Quantity, line.UnitPrice!.Value));
        Assert.Equal(new DateTimeOffset(2022, 2, 3, 5, 52, 25, 418, TimeSpan.Zero), fulfillment.CreatedAt);
    }

    [Fact]
    public async Task List_ReadsTheBareArrayCymbioAnswers()
    {
        using var cymbio = new InMemoryCymbio { Respond = static _ => (HttpStatusCode.OK, """[{"id":9,"fulfillment_state":"new"},{"id":56,"fulfillment_state":"cancelling"}]""") };
        using var client = cymbio.CreateClient();

        var list = await client.Create<ISupplierFulfillmentsApi>(CymbioApi.CreateRefitSettings()).ListAsync(88);

        Assert.Equal([9L, 56L], list.Select(static f => f.Id));
        Assert.True(FulfillmentStates.IsCancellationRequested(list[1].FulfillmentState));
    }

    [Fact]
    public async Task ActionAnswer_IsRead()
    {
        using var cymbio = new InMemoryCymbio { Respond = static _ => (HttpStatusCode.OK, """{"success":true,"message":"Fulfillment accepted"}""") };
        using var client = cymbio.CreateClient();

        var result = await client.Create<ISupplierFulfillmentsApi>(CymbioApi.CreateRefitSettings()).AcceptAsync(88, 929, new AcceptFulfillmentRequest());

        Assert.Equal(new CymbioActionResult(true, "Fulfillment accepted"), result);
    }

    [Fact]
    public async Task ActionAnswerWithoutBody_IsNull()
    {
        using var cymbio = new InMemoryCymbio { Respond = static _ => (HttpStatusCode.NoContent, null) };
        using var client = cymbio.CreateClient();

        var result = await client.Create<ISupplierFulfillmentsApi>(CymbioApi.CreateRefitSettings()).AcceptAsync(88, 929, new AcceptFulfillmentRequest());

        Assert.Null(result);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.MethodNotAllowed)]
    public async Task ApproveCancellation_FallsBackToTheBodyForm_WhenThePathFormIsUnknown(HttpStatusCode pathFormAnswer)
    {
        using var cymbio = new InMemoryCymbio
        {
            Respond = r => r.PathAndQuery.EndsWith("/setStatus/canceled", StringComparison.Ordinal) ? (pathFormAnswer, """{"message":"Not found"}""") : (HttpStatusCode.OK, """{"success":true}"""),
        };
        using var client = cymbio.CreateClient();

        var result = await client.Create<ISupplierFulfillmentsApi>(CymbioApi.CreateRefitSettings()).ApproveCancellationAsync(88, 929);

        Assert.Equal(new CymbioActionResult(true), result);
        Assert.Equal(
            ["PUT /v3/suppliers/88/fulfillments/929/setStatus/canceled {}", """PUT /v3/suppliers/88/fulfillments/929/setStatus {"status":"canceled"}"""],
            cymbio.Requests.Select(static r => $"{r.Method} {r.PathAndQuery} {r.Body}"));
    }

    [Fact]
    public async Task ApproveCancellation_UsesThePathForm_WhenCymbioKnowsIt()
    {
        using var cymbio = new InMemoryCymbio();
        using var client = cymbio.CreateClient();

        await client.Create<ISupplierFulfillmentsApi>(CymbioApi.CreateRefitSettings()).ApproveCancellationAsync(88, 929);

        Assert.Equal("/v3/suppliers/88/fulfillments/929/setStatus/canceled", Assert.Single(cymbio.Requests).PathAndQuery);
    }

    [Fact]
    public async Task ApproveCancellation_DoesNotRetryOtherFailures()
    {
        using var cymbio = new InMemoryCymbio { Respond = static _ => (HttpStatusCode.BadRequest, """{"message":"Fulfillment is not cancelling"}""") };
        using var client = cymbio.CreateClient();

        var thrown = await Assert.ThrowsAsync<ApiException>(() => client.Create<ISupplierFulfillmentsApi>(CymbioApi.CreateRefitSettings()).ApproveCancellationAsync(88, 929));

        Assert.Equal(HttpStatusCode.BadRequest, thrown.StatusCode);
        Assert.Single(cymbio.Requests);
    }

    [Fact]
    public void Filters_AreCompactJson_WithOnlyTheKeysThatAreSet()
    {
        Assert.Equal("""{"fulfillment_state":"cancelling"}""", new FulfillmentFilter { FulfillmentState = FulfillmentStates.Cancelling }.ToJson());
        Assert.Equal("""{"retailer_state":"ordered","fulfillment_state":"new","retailer_id":7}""", new FulfillmentFilter { RetailerState = "ordered", FulfillmentState = "new", RetailerId = 7 }.ToString());
        Assert.Equal("{}", new ReturnFilter().ToJson());
    }
}
