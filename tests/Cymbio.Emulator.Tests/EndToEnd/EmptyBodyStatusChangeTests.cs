using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Cymbio.Api;
using Cymbio.Api.Suppliers;
using Xunit;

namespace Cymbio.Emulator.Tests.EndToEnd;

/// <summary>
/// The status changes whose body is the empty object (<see cref="EmptyRequest"/>, which has no constructor for the
/// serializer): the SDK's calls succeed, and a body that is not an object is 400, not 500.
/// </summary>
public sealed class EmptyBodyStatusChangeTests
{
    [Fact]
    public async Task ApproveCancellation_ThroughTheSdk_CancelsTheFulfillment()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        using var cymbio = new CymbioClient(Options(emulator));

        await cymbio.Supplier.Fulfillments.ApproveCancellationAsync(EmulatorData.Seeded.CancellationRequested);

        Assert.Equal(FulfillmentStates.Canceled, emulator.Data.Fulfillment(EmulatorData.Seeded.CancellationRequested)!.FulfillmentState);
        Assert.Equal(1, emulator.Requests.Calls("PUT", "/v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}/setStatus/canceled", 200));
    }

    [Fact]
    public async Task RejectOutOfStock_ThroughTheSdk_Succeeds()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        using var cymbio = new CymbioClient(Options(emulator));

        var result = await cymbio.Supplier.Fulfillments.RejectOutOfStockAsync(EmulatorData.Seeded.Rejectable);

        Assert.True(result?.Success);
        Assert.Equal(1, emulator.Requests.Calls("PUT", "/v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}/setStatus/out_of_stock", 200));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{")]
    public async Task ABodyThatIsNotAnObject_Is400(string body)
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        using var cymbio = new CymbioClient(Options(emulator));
        var token = await cymbio.TokenProvider.GetTokenAsync(ScopeSet.Create(CymbioScopes.WriteFulfillments));
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Put, $"v3/suppliers/{EmulatorAccounts.SupplierId}/fulfillments/{EmulatorData.Seeded.CancellationRequested}/setStatus/canceled")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(FulfillmentStates.IsCancellationRequested(emulator.Data.Fulfillment(EmulatorData.Seeded.CancellationRequested)!.FulfillmentState));
    }

    private static CymbioClientOptions Options(CymbioEmulator emulator)
    {
        var account = emulator.Account(EmulatorAccounts.Supplier);
        return new CymbioClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            ClientId = account.ClientId,
            ClientSecret = account.ClientSecret,
            SupplierId = account.SupplierId,
            Grants = { CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments },
        };
    }
}
