using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using System.Web;
using Cymbio.Api.Suppliers;
using Cymbio.Api.Tests.Infrastructure;
using Xunit;

namespace Cymbio.Api.Tests.Conformance;

/// <summary>
/// Each request of Cymbio's own Postman collection for the supplier fulfillment API (docs/cymbio, S9), made through
/// <see cref="ISupplierFulfillmentsApi"/>: same method, same path, same <c>filter</c> (as JSON) and same body (as
/// JSON, the collection's <c>//</c> comments skipped). The expected side is read from Cymbio's file, not written here.
/// </summary>
public sealed class PostmanCollectionTests
{
    private const long Supplier = 88;
    private const long Fulfillment = 929;

    private static readonly Dictionary<string, Func<ISupplierFulfillmentsApi, Task>> Calls = new()
    {
        ["Get Orders To Fulfill"] = api => api.ListAsync(Supplier, new FulfillmentFilter { RetailerState = RetailerStates.Ordered, FulfillmentState = FulfillmentStates.New }),
        ["Get Fulfillment"] = api => api.GetAsync(Supplier, Fulfillment),
        ["Get Fulfillments To Cancel"] = api => api.ListAsync(Supplier, new FulfillmentFilter { FulfillmentState = FulfillmentStates.Cancelling }),
        ["Ship Multiple Fulfillment Lines"] = api => api.CreateShipmentsAsync(Supplier, new ShipmentsRequest(3832, [
            new Shipment("1Z92483740968", [LineItem.BySku("842956154969", 1)]),
            new Shipment("71232463567", [LineItem.BySku("842956137665", 1)])])),
        ["Reject Multiple Fulfillment Lines - Update"] = api => api.RejectLinesAsync(Supplier, [new Rejection(120, [LineItem.BySku("100100", 1)], "A111B222")]),
        ["Reject Multiple Fulfillment Lines - Snapshop"] = api => api.RejectLinesAsync(Supplier, [
            new Rejection(120, [LineItem.ByUpc("100100", 1)]),
            new Rejection(120, [LineItem.ByUpc("200200", 1)])]),
        ["Returns"] = api => api.CreateReturnAsync(Supplier, Fulfillment, new ReturnRequest([LineItem.BySku("AAA222", 5), LineItem.BySku("BBB222", 2)], "Wrong Size", "A11B22")),
        ["Accept a Fulfillment"] = api => api.AcceptAsync(Supplier, Fulfillment, new AcceptFulfillmentRequest()),
        ["Ship a Fulfillment"] = api => api.ShipAsync(Supplier, Fulfillment, new ShipFulfillmentRequest("1Z3321233243242344")),
        ["Cant Cancel a Fulfillment"] = api => api.RefuseCancellationAsync(Supplier, Fulfillment, EmptyRequest.Instance),
        ["Fulfillment Error No Stock"] = api => api.RejectOutOfStockAsync(Supplier, Fulfillment, EmptyRequest.Instance),
        ["Fulfillment Error Missing SKU"] = api => api.RejectMissingSkuAsync(Supplier, Fulfillment, EmptyRequest.Instance),
        ["Fulfillment Error Wrong Address"] = api => api.RejectWrongAddressAsync(Supplier, Fulfillment, EmptyRequest.Instance),
        ["Update Fulfillment with Invoice ID"] = api => api.UpdateAsync(Supplier, Fulfillment, new FulfillmentUpdate("12345")),
    };

    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static TheoryData<string> RequestNames => new(CollectionRequests().Select(static r => r.Name));

    [Fact]
    public void TheCollection_HasTheFourteenRequestsThisTestMakes()
    {
        Assert.Equal(Calls.Keys.Order(StringComparer.Ordinal), CollectionRequests().Select(static r => r.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RequestNames))]
    public async Task Request_MatchesCymbiosOwnCollection(string name)
    {
        var expected = CollectionRequests().Single(r => r.Name == name);
        using var cymbio = new InMemoryCymbio();
        using var client = cymbio.CreateClient();

        await Calls[name](client.Create<ISupplierFulfillmentsApi>(CymbioApi.CreateRefitSettings()));

        var actual = Assert.Single(cymbio.Requests);
        Assert.Equal(expected.Method, actual.Method);
        var path = actual.PathAndQuery.Split('?')[0];
        Assert.Equal(expected.Path, path);
        var query = HttpUtility.ParseQueryString(actual.PathAndQuery.Contains('?', StringComparison.Ordinal) ? actual.PathAndQuery.Split('?')[1] : string.Empty);
        Assert.Equal(expected.Query.Keys.Order(StringComparer.Ordinal), query.AllKeys.Select(static k => k!).Order(StringComparer.Ordinal));
        foreach (var (key, value) in expected.Query)
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(value), JsonNode.Parse(query[key]!)), $"{key}: expected {value}, got {query[key]}");
        }

        if (string.IsNullOrWhiteSpace(expected.Body))
        {
            Assert.Null(actual.Body);
        }
        else
        {
            var expectedBody = JsonNode.Parse(expected.Body, documentOptions: Lenient);
            Assert.True(JsonNode.DeepEquals(expectedBody, JsonNode.Parse(actual.Body!)), $"Expected {expectedBody?.ToJsonString()}, got {actual.Body}.");
        }
    }

    private static IEnumerable<(string Name, string Method, string Path, Dictionary<string, string> Query, string? Body)> CollectionRequests()
    {
        using var collection = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conformance", "Fulfillments.postman_collection.json")));
        var requests = new List<(string, string, string, Dictionary<string, string>, string?)>();
        Collect(collection.RootElement.GetProperty("item"), requests);
        return requests;
    }

    private static void Collect(JsonElement items, List<(string, string, string, Dictionary<string, string>, string?)> requests)
    {
        foreach (var item in items.EnumerateArray())
        {
            if (item.TryGetProperty("item", out var children))
            {
                Collect(children, requests);
                continue;
            }

            var request = item.GetProperty("request");
            var url = request.GetProperty("url");
            var path = "/" + string.Join("/", url.GetProperty("path").EnumerateArray().Select(static s => s.GetString() switch
            {
                ":SUPPLIER_ID" => Supplier.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ":FULFILLMENT_ID" or ":FULFILMENT_ID" => Fulfillment.ToString(System.Globalization.CultureInfo.InvariantCulture),
                var segment => segment,
            }));
            var query = url.TryGetProperty("query", out var parameters)
                ? parameters.EnumerateArray().ToDictionary(static q => q.GetProperty("key").GetString()!, static q => q.GetProperty("value").GetString()!)
                : new Dictionary<string, string>();
            var body = request.TryGetProperty("body", out var bodyElement) && bodyElement.TryGetProperty("raw", out var raw) ? raw.GetString() : null;
            requests.Add((item.GetProperty("name").GetString()!, request.GetProperty("method").GetString()!, path, query, body));
        }
    }
}
