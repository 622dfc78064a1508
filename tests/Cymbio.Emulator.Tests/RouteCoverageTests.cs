using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace Cymbio.Emulator.Tests;

/// <summary>Every route of Cymbio.Api has a handler: the emulator starts, and each route answers something other than "no route".</summary>
public sealed class RouteCoverageTests
{
    [Fact]
    public void EveryRoute_HasAHandler()
    {
        var handlers = EmulatorHandlers.Create();
        Assert.Equal(CymbioEmulator.Routes.Select(static r => r.Key).Order(StringComparer.Ordinal), handlers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(50, CymbioEmulator.Routes.Count);
    }

    [Fact]
    public async Task EveryRoute_AnswersWithItsHandler_ForAFullyGrantedAccount()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var supplier = await RouteTestClient.SupplierAsync(cymbio);
        using var retailer = await RouteTestClient.RetailerAsync(cymbio);
        foreach (var route in CymbioEmulator.Routes)
        {
            var client = route.Template.StartsWith("/v3/retailers", StringComparison.Ordinal) ? retailer : supplier;
            var reply = await client.SendAsync(route.Method, Fill(route.Template), route.Method == "GET" ? null : "{}");
            Assert.False(reply.Status == HttpStatusCode.NotFound && reply.Body.Contains("No Cymbio route", StringComparison.Ordinal), $"{route.Key}: {reply.Body}");
            Assert.NotEqual(HttpStatusCode.MethodNotAllowed, reply.Status);
            Assert.NotEqual(HttpStatusCode.Forbidden, reply.Status);
            Assert.NotEqual(HttpStatusCode.InternalServerError, reply.Status);
            if (route.Method == "GET")
            {
                Assert.True(reply.Status == HttpStatusCode.OK, $"{route.Key}: {(int)reply.Status} {reply.Body}");
            }
        }
    }

    [Fact]
    public async Task EmptyBodyActions_AcceptAJsonObject_AndRejectOtherBodies()
    {
        await using var cymbio = await CymbioEmulator.StartAsync();
        using var supplier = await RouteTestClient.SupplierAsync(cymbio);
        (await supplier.PutAsync("/v3/suppliers/88/fulfillments/929/setStatus/out_of_stock", "[1]")).AssertError(HttpStatusCode.BadRequest, "JSON object");
        (await supplier.PutAsync("/v3/suppliers/88/fulfillments/929/setStatus/out_of_stock", "{oops")).AssertError(HttpStatusCode.BadRequest, "not valid JSON");
        (await supplier.PutAsync("/v3/suppliers/88/fulfillments/929/setStatus/out_of_stock", "{}")).AssertStatus(HttpStatusCode.OK);
        (await supplier.PutAsync("/v3/suppliers/88/fulfillments/56/setStatus/cancellation_not_allowed", "{}")).AssertStatus(HttpStatusCode.OK);
    }

    /// <summary>The template with the seeded ids filled in.</summary>
    internal static string Fill(string template) => template
        .Replace("{supplierId}", EmulatorAccounts.SupplierId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{retailerId}", EmulatorAccounts.RetailerId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{fulfillmentId}", "929", StringComparison.Ordinal)
        .Replace("{variantId}", EmulatorData.Seeded.Variant.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{warehouseId}", EmulatorData.Seeded.MainWarehouse.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{orderId}", EmulatorData.Seeded.Order.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{returnId}", "1", StringComparison.Ordinal)
        .Replace("{status}", "approved", StringComparison.Ordinal);
}
