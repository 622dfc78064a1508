using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Cymbio.Api.Suppliers;
using Cymbio.Api.Tests.Infrastructure;
using Xunit;

namespace Cymbio.Api.Tests.Aggregates;

/// <summary>
/// <c>cymbio.Supplier.Fulfillments.ApproveCancellationAsync(id)</c>: the path form first, the body form when Cymbio does
/// not know the path form (404, 405), and no second request for any other failure — as on the interface.
/// </summary>
public sealed class AggregateApproveCancellationTests
{
    private const string PathForm = "PUT /v3/suppliers/88/fulfillments/929/setStatus/canceled {}";

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.MethodNotAllowed)]
    public async Task FallsBackToTheBodyForm_WhenThePathFormIsUnknown(HttpStatusCode pathFormAnswer)
    {
        using var cymbio = new InMemoryCymbio { Respond = r => IsPathForm(r) ? (pathFormAnswer, """{"message":"Not found"}""") : (HttpStatusCode.OK, """{"success":true}""") };
        using var client = cymbio.CreateClient();

        var result = await client.Supplier.Fulfillments.ApproveCancellationAsync(929);

        Assert.Equal(new CymbioActionResult(true), result);
        Assert.Equal([PathForm, """PUT /v3/suppliers/88/fulfillments/929/setStatus {"status":"canceled"}"""], Sent(cymbio));
    }

    [Fact]
    public async Task UsesOnlyThePathForm_WhenCymbioKnowsIt()
    {
        using var cymbio = new InMemoryCymbio();
        using var client = cymbio.CreateClient();

        await client.Supplier.Fulfillments.ApproveCancellationAsync(929);

        Assert.Equal([PathForm], Sent(cymbio));
    }

    [Fact]
    public async Task DoesNotFallBack_OnAServerError()
    {
        using var cymbio = new InMemoryCymbio { Respond = static _ => (HttpStatusCode.InternalServerError, """{"message":"Database unavailable"}""") };
        using var client = cymbio.CreateClient();

        var thrown = await Assert.ThrowsAsync<CymbioApiException>(() => client.Supplier.Fulfillments.ApproveCancellationAsync(929));

        Assert.Equal(HttpStatusCode.InternalServerError, thrown.StatusCode);
        Assert.NotEmpty(cymbio.Requests);
        Assert.All(Sent(cymbio), static r => Assert.Equal(PathForm, r));
    }

    private static bool IsPathForm(RecordedRequest request) => request.PathAndQuery.EndsWith("/setStatus/canceled", StringComparison.Ordinal);

    private static string[] Sent(InMemoryCymbio cymbio) => cymbio.Requests.Select(static r => $"{r.Method} {r.PathAndQuery} {r.Body}").ToArray();
}
