using System.Net;
using System.Threading.Tasks;
using Cymbio.Api.Suppliers;
using Cymbio.Api.Tests.Infrastructure;
using Refit;
using Xunit;

namespace Cymbio.Api.Tests.Common;

/// <summary>Cymbio's error responses surface as <see cref="CymbioApiException"/>: status, operation, a clean message.</summary>
public sealed class ErrorResponseTests
{
    [Fact]
    public async Task ErrorWithMessageBody_IsCymbioApiException_WithStatusOperationAndMessage()
    {
        using var cymbio = new InMemoryCymbio { Respond = static _ => (HttpStatusCode.BadRequest, """{"message":"Fulfillment 929 is not in state new"}""") };
        using var client = cymbio.CreateClient();

        var thrown = await Assert.ThrowsAsync<CymbioApiException>(() => client.Create<ISupplierFulfillmentsApi>(CymbioApi.CreateRefitSettings()).AcceptAsync(88, 929, new AcceptFulfillmentRequest()));

        Assert.Equal(HttpStatusCode.BadRequest, thrown.StatusCode);
        Assert.Equal("ISupplierFulfillmentsApi.AcceptAsync", thrown.Operation);
        Assert.Equal("Fulfillment 929 is not in state new", thrown.ServerMessage);
        Assert.Equal("Cymbio answered ISupplierFulfillmentsApi.AcceptAsync with HTTP 400 Bad Request: Fulfillment 929 is not in state new", thrown.Message);
        Assert.IsAssignableFrom<ApiException>(thrown);
        Assert.Contains("not in state new", thrown.Content, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerMessage_LosesControlCharactersAnsiEscapesAndBidiOverrides_AndIsBounded()
    {
        var hostile = "line one\r\nline\u0007 two\u001b[31m\u202E\u2066" + new string('x', 5000);
        using var cymbio = new InMemoryCymbio { Respond = _ => (HttpStatusCode.InternalServerError, System.Text.Json.JsonSerializer.Serialize(new CymbioErrorBody(hostile), CymbioApiJsonContext.Default.CymbioErrorBody)) };
        using var client = cymbio.CreateClient();

        var thrown = await Assert.ThrowsAsync<CymbioApiException>(() => client.Create<ISupplierFulfillmentsApi>(CymbioApi.CreateRefitSettings()).GetAsync(88, 929));

        Assert.NotNull(thrown.ServerMessage);
        Assert.StartsWith("line one line twoxxx", thrown.ServerMessage, System.StringComparison.Ordinal); // no ANSI, no bidi
        Assert.DoesNotContain('\u202E', thrown.Message);
        Assert.Equal(512, thrown.ServerMessage.Length);
        Assert.EndsWith("…", thrown.ServerMessage, System.StringComparison.Ordinal);
        Assert.DoesNotContain(thrown.Message, static c => char.IsControl(c));
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("")]
    [InlineData("""{"error":"something"}""")]
    [InlineData("""{"message": 42}""")]
    public async Task ErrorWithoutAMessage_StillCarriesStatusAndOperation(string body)
    {
        using var cymbio = new InMemoryCymbio { Respond = _ => (HttpStatusCode.BadGateway, body) };
        using var client = cymbio.CreateClient();

        var thrown = await Assert.ThrowsAsync<CymbioApiException>(() => client.Create<ISupplierFulfillmentsApi>(CymbioApi.CreateRefitSettings()).ListAsync(88));

        Assert.Equal(HttpStatusCode.BadGateway, thrown.StatusCode);
        Assert.Equal("ISupplierFulfillmentsApi.ListAsync", thrown.Operation);
        Assert.Null(thrown.ServerMessage);
        Assert.Equal("Cymbio answered ISupplierFulfillmentsApi.ListAsync with HTTP 502 Bad Gateway.", thrown.Message);
    }
}
