using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using System.Xml.Linq;
using Cymbio.Api.Retailers;
using Cymbio.Api.Suppliers;
using Cymbio.Api.Tests.Infrastructure;
using Refit;
using Xunit;

namespace Cymbio.Api.Tests.Retailers;

/// <summary>Scopes, provenance and payloads of the retailer API.</summary>
public sealed class RetailerBehaviourTests
{
    /// <summary>The scope of each endpoint, as the notes' tables (§4.3, §5.2, §5.3) give it.</summary>
    private static readonly Dictionary<string, string> ScopeOf = new(StringComparer.Ordinal)
    {
        ["C-20"] = CymbioScopes.ReadVariants,
        ["C-21"] = CymbioScopes.WriteOrders,
        ["C-22"] = CymbioScopes.ReadRetailers,
        ["C-23"] = CymbioScopes.WriteRetailers,
        ["I-20"] = CymbioScopes.ReadOrders,
        ["I-21"] = CymbioScopes.ReadOrders,
        ["I-22"] = CymbioScopes.ReadOrders,
        ["I-23"] = CymbioScopes.WriteOrders,
        ["I-24"] = CymbioScopes.WriteOrders,
        ["I-25"] = CymbioScopes.ReadOrders,
        ["I-26"] = CymbioScopes.ReadInventory,
        ["I-27"] = CymbioScopes.ReadSuppliers,
        ["I-28"] = CymbioScopes.WriteRetailers,
        ["I-29"] = CymbioScopes.ReadChannels,
    };

    private static readonly Type[] ApiTypes = [typeof(IRetailerCatalogApi), typeof(IRetailerOrdersApi), typeof(IRetailerInventoryApi), typeof(IRetailerProfileApi)];

    public static TheoryData<Type> Apis => new(ApiTypes);

    [Theory]
    [MemberData(nameof(Apis))]
    public void ScopeTable_HoldsEveryMethod_WithTheScopeTheNotesGive(Type api) =>
        ApiAssert.ScopeTableHolds(api, static method => ScopeOf[method.GetCustomAttribute<CymbioEndpointAttribute>()!.Id]);

    [Fact]
    public void EveryEndpointOfTheNotes_IsAMethod()
    {
        var ids = ApiTypes.SelectMany(static t => t.GetMethods()).Select(static m => m.GetCustomAttribute<CymbioEndpointAttribute>()!.Id);
        Assert.Equal(ScopeOf.Keys.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public void EveryMethod_SaysWhereItComesFrom_InAttributeAndDoc(Type api)
    {
        var docs = XDocument.Load(Path.ChangeExtension(api.Assembly.Location, ".xml"));
        foreach (var method in api.GetMethods())
        {
            var endpoint = method.GetCustomAttribute<CymbioEndpointAttribute>();
            Assert.NotNull(endpoint);
            var (evidence, sources) = endpoint.Id switch
            {
                "C-20" or "C-21" => (CymbioEvidence.Confirmed, "S4"),
                "C-22" or "C-23" => (CymbioEvidence.Dated, "S11"),
                _ => (CymbioEvidence.Inferred, string.Empty),
            };
            Assert.Equal((evidence, sources), (endpoint.Evidence, endpoint.Sources));

            var http = method.GetCustomAttribute<HttpMethodAttribute>()!;
            var member = docs.Descendants("member").Single(m => m.Attribute("name")!.Value.StartsWith($"M:{api.FullName}.{method.Name}(", StringComparison.Ordinal));
            var summary = string.Join(" ", member.Element("summary")!.ToString().Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains($"<c>{http.Method.Method} {http.Path}", summary, StringComparison.Ordinal);
            var provenance = sources.Length == 0 ? $"({endpoint.Id})" : $"({endpoint.Id}; {sources})";
            Assert.Contains($"Scope <c>{ScopeOf[endpoint.Id]}</c>; {evidence.ToString().ToLowerInvariant()} {provenance}", summary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Product_FromC20_RoundTrips_WithVariantIdsAsNumbers_AndIgnoresUnknownMembers()
    {
        var product = JsonSerializer.Deserialize(WithUnknownMember(RetailerPayloadSketches.ProductJson), CymbioApiJsonContext.Default.RetailerProduct)!;

        Assert.Equal([1001L, 1002L, 1003L], product.Variants!);
        Assert.Equal(["100% linen", "Machine wash"], product.DescriptionBullets!);
        Assert.Equal((42, 3), (product.AvailableInventory!.Value, product.RetailersCount!.Value));
        Assert.Equal((79.9m, 40m), (product.RetailPriceMin!.Value, product.WholesalePriceMax!.Value));
        Assert.Equal(new DateTimeOffset(2022, 3, 1, 0, 0, 0, TimeSpan.Zero), product.SpecialSalePriceStart);
        JsonAssert.Equal(RetailerPayloadSketches.ProductJson, JsonSerializer.Serialize(product, CymbioApiJsonContext.Default.RetailerProduct));
    }

    [Fact]
    public void Order_FromTheSketch_RoundTrips_AndIgnoresUnknownMembers()
    {
        var order = JsonSerializer.Deserialize(WithUnknownMember(RetailerPayloadSketches.OrderJson), CymbioApiJsonContext.Default.CreateOrderRequest)!;

        Assert.Equal(("string", OrderTypes.Ecommerce, 10m), (order.RetailerOrderId, order.Type, order.ShippingPaid!.Value));
        Assert.Equal(new Address(), order.BillingAddress);
        var line = Assert.Single(order.OrderLines);
        Assert.Equal(RetailerPayloadSketches.Order.OrderLines[0], line);
        JsonAssert.Equal(RetailerPayloadSketches.OrderJson, JsonSerializer.Serialize(order, CymbioApiJsonContext.Default.CreateOrderRequest));
    }

    [Fact]
    public void Order_AsCymbioAnswersIt_ReadsItsFulfillmentsAndTracking()
    {
        var answer = JsonNode.Parse(RetailerPayloadSketches.OrderJson)!.AsObject();
        answer["id"] = 5001;
        answer["state"] = OrderStates.Ordered;
        answer["fulfillments"] = JsonNode.Parse("""
            [ { "id": 929, "supplier_id": 88, "fulfillment_state": "shipped", "tracking_numbers": ["1Z1"],
                "shipments": [ { "trackingNumber": "1Z1", "items": [ { "sku": "SKU123", "quantity": 1 } ] } ] },
              { "id": 930, "supplier_id": 89, "fulfillment_state": "canceling" } ]
            """);
        var json = WithUnknownMember(answer.ToJsonString());

        var order = JsonSerializer.Deserialize(json, CymbioApiJsonContext.Default.RetailerOrder)!;

        Assert.Equal((5001L, OrderStates.Ordered, "FEDEX"), (order.Id, order.State, order.ShippingMethodCode));
        Assert.Equal(RetailerPayloadSketches.Order.OrderLines[0], Assert.Single(order.OrderLines!));
        Assert.Equal([929L, 930L], order.Fulfillments!.Select(static f => f.Id));
        var shipment = Assert.Single(order.Fulfillments![0].Shipments!);
        Assert.Equal(("1Z1", LineItem.BySku("SKU123", 1)), (shipment.TrackingNumber, Assert.Single(shipment.Items!)));
        Assert.True(FulfillmentStates.IsCancellationRequested(order.Fulfillments[1].FulfillmentState));
        JsonAssert.Equal(answer.ToJsonString(), JsonSerializer.Serialize(order, CymbioApiJsonContext.Default.RetailerOrder));
    }

    [Fact]
    public async Task Products_AreReadFromTheBareArrayCymbioAnswers()
    {
        using var cymbio = new InMemoryCymbio { Respond = static _ => (HttpStatusCode.OK, $"[{RetailerPayloadSketches.ProductJson}, {{\"model\":\"LS-200\",\"variants\":[]}}]") };
        using var client = cymbio.CreateClient();

        var products = await client.Create<IRetailerCatalogApi>(CymbioApi.CreateRefitSettings()).ListProductsAsync(7);

        Assert.Equal(["LS-100", "LS-200"], products.Select(static p => p.Model));
        Assert.Equal(3, products[0].Variants!.Count);
        Assert.Empty(products[1].Variants!);
    }

    [Fact]
    public async Task CreateOrder_ReadsTheCreatedOrder()
    {
        using var cymbio = new InMemoryCymbio { Respond = static _ => (HttpStatusCode.Created, """{"id":5001,"retailer_order_id":"string","state":"ordered"}""") };
        using var client = cymbio.CreateClient();

        var order = await client.Create<IRetailerOrdersApi>(CymbioApi.CreateRefitSettings()).CreateAsync(7, RetailerPayloadSketches.Order);

        Assert.Equal((5001L, "string", OrderStates.Ordered), (order!.Id, order.RetailerOrderId, order.State));
    }

    [Fact]
    public async Task CreateRetailer_WithoutAnAnswerBody_IsNull()
    {
        using var cymbio = new InMemoryCymbio { Respond = static _ => (HttpStatusCode.NoContent, null) };
        using var client = cymbio.CreateClient();

        var created = await client.Create<IRetailerProfileApi>(CymbioApi.CreateRefitSettings()).CreateAsync(new CreateRetailerRequest("Store"));

        Assert.Null(created);
    }

    [Fact]
    public void Profile_ReadsCamelCaseTimestamps_LikeTheSupplierProfile()
    {
        var profile = JsonSerializer.Deserialize(
            """{"id":7,"name":"Retailer Store Name","subdomain":"store","createdAt":"2018-04-25T10:00:00Z","shipping_method_codes":["FEDEX"],"stripe_secret_key":"x"}""",
            CymbioApiJsonContext.Default.RetailerProfile)!;

        Assert.Equal((7L, "Retailer Store Name", "FEDEX"), (profile.Id, profile.Name, Assert.Single(profile.ShippingMethodCodes!)));
        Assert.Equal(new DateTimeOffset(2018, 4, 25, 10, 0, 0, TimeSpan.Zero), profile.CreatedAt);
    }

    [Fact]
    public void Filters_AreCompactJson_WithOnlyTheKeysThatAreSet()
    {
        Assert.Equal("""{"state":"ordered"}""", new OrderFilter { State = OrderStates.Ordered }.ToJson());
        Assert.Equal("""{"supplier_id":88,"sku":"SKU123","variant_id":5}""", new RetailerInventoryFilter { SupplierId = 88, Sku = "SKU123", VariantId = 5 }.ToString());
        Assert.Equal("""{"state":"refunded","order_id":5,"supplier_id":88}""", new RetailerReturnFilter { State = ReturnStatuses.Refunded, OrderId = 5, SupplierId = 88 }.ToJson());
        Assert.Equal("{}", new OrderFilter().ToJson());
    }

    private static string WithUnknownMember(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node["a_member_cymbio_added_later"] = JsonNode.Parse("""{ "nested": [1, 2] }""");
        return node.ToJsonString();
    }
}
