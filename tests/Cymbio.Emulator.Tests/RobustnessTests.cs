using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Cymbio.Api.Suppliers;
using Cymbio.Emulator.Tests.Infrastructure;
using Xunit;

namespace Cymbio.Emulator.Tests;

/// <summary>Bad requests get a 4xx with a clear <c>{"message"}</c>; the server keeps answering and loses no accepted write.</summary>
public sealed class RobustnessTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private CymbioEmulator _cymbio = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _cymbio = await CymbioEmulator.StartAsync(new CymbioEmulatorOptions { MaxRequestBodyBytes = 64 * 1024 });
        _token = await TokenForm.AccessTokenAsync(_http, _cymbio, _cymbio.Account(EmulatorAccounts.Supplier));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _cymbio.DisposeAsync();
    }

    [Theory]
    [InlineData("{\"data\": ", "not valid JSON")]
    [InlineData("{\"data\": 42}", "does not match")]
    [InlineData("", "needs a JSON body")]
    [InlineData("{\"data\": \"\"}", "tracking number")]
    public async Task BadBodies_Are400_WithAMessage_AndChangeNothing(string body, string message)
    {
        using var response = await PutAsync($"v3/suppliers/88/fulfillments/{EmulatorData.Seeded.Accepted}/setStatus/shipped", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await TokenForm.JsonAsync(response)).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(FulfillmentStates.Accepted, _cymbio.Data.Fulfillment(EmulatorData.Seeded.Accepted)!.FulfillmentState);
    }

    [Fact]
    public async Task UnknownRoute_Is404_AndWrongMethod_Is405_WithMessages()
    {
        using var unknown = await _http.SendAsync(TokenForm.Authorized(HttpMethod.Get, new Uri(_cymbio.BaseAddress, "v3/nothing/here"), _token));
        using var wrongMethod = await _http.SendAsync(TokenForm.Authorized(HttpMethod.Delete, new Uri(_cymbio.BaseAddress, "v3/suppliers/88/fulfillments"), _token));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("No Cymbio route", (await TokenForm.JsonAsync(unknown)).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Contains("method", (await TokenForm.JsonAsync(wrongMethod)).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonNumericId_Is400_AndUnknownId_Is404()
    {
        using var notNumber = await _http.SendAsync(TokenForm.Authorized(HttpMethod.Get, new Uri(_cymbio.BaseAddress, "v3/suppliers/88/fulfillments/abc"), _token));
        using var unknown = await _http.SendAsync(TokenForm.Authorized(HttpMethod.Get, new Uri(_cymbio.BaseAddress, "v3/suppliers/88/fulfillments/424242"), _token));

        Assert.Equal(HttpStatusCode.BadRequest, notNumber.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("no fulfillment 424242", (await TokenForm.JsonAsync(unknown)).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedBody_Is413_AndTheServerKeepsAnswering()
    {
        var huge = "{\"invoice_id\": \"" + new string('x', 128 * 1024) + "\"}";
        using var response = await PutAsync($"v3/suppliers/88/fulfillments/{EmulatorData.Seeded.Accepted}", huge);
        using var after = await _http.SendAsync(TokenForm.Authorized(HttpMethod.Get, new Uri(_cymbio.BaseAddress, $"v3/suppliers/88/fulfillments/{EmulatorData.Seeded.Accepted}"), _token));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Null(_cymbio.Data.Fulfillment(EmulatorData.Seeded.Accepted)!.InvoiceId);
    }

    [Fact]
    public async Task HostileText_IsEchoedWithoutControlCharacters()
    {
        using var response = await PutAsync($"v3/suppliers/88/fulfillments/{EmulatorData.Seeded.Accepted}/setStatus", "{\"status\": \"x\\u001b[31m\\u202Eevil\"}");
        var message = (await TokenForm.JsonAsync(response)).GetProperty("message").GetString()!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain('\u001b', message);
        Assert.DoesNotContain('\u202E', message);
    }

    [Fact]
    public async Task ConcurrentWrites_AreAllApplied_OnceEach()
    {
        var ids = EmulatorData.Seeded.NewFulfillments;
        var accepts = ids.Select(id => PutAsync($"v3/suppliers/88/fulfillments/{id}/setStatus/accepted", "{}")).ToArray();
        var responses = await Task.WhenAll(accepts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(ids, id => Assert.Equal(FulfillmentStates.Accepted, _cymbio.Data.Fulfillment(id)!.FulfillmentState));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private Task<HttpResponseMessage> PutAsync(string path, string body)
    {
        var request = TokenForm.Authorized(HttpMethod.Put, new Uri(_cymbio.BaseAddress, path), _token);
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return _http.SendAsync(request);
    }
}
