using System;
using System.Text.Json;
using System.Threading.Tasks;
using Cymbio.Emulator;
using Xunit;

namespace Cymbio.Dashboard.Tests;

/// <summary>
/// The browser infrastructure end to end, without the dashboard: the shared Chromium loads an emulator route over
/// loopback, and what the page shows is the emulator's own JSON answer.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class ChromiumSmokeTests(ChromiumFixture chromium)
{
    // What the emulator answers a call that carries no bearer token (Hosting/EmulatorPipeline.cs).
    private const string NoTokenMessage = "The request carries no bearer token.";

    /// <summary>
    /// A supplier route called without a token: the emulator answers 401 with a bearer challenge and a JSON message,
    /// and the browser receives and renders exactly that.
    /// </summary>
    [Fact]
    public async Task ARouteCalledWithoutAToken_ShowsTheEmulatorsJson401_InThePage()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        var address = new Uri(emulator.BaseAddress, $"v3/suppliers/{EmulatorAccounts.SupplierId}/fulfillments");

        var page = await chromium.NewPageAsync();
        try
        {
            var response = await page.GotoAsync(address.ToString());

            Assert.NotNull(response);
            Assert.Equal(address.ToString(), response.Url);
            Assert.Equal(401, response.Status);
            Assert.StartsWith("application/json", await response.HeaderValueAsync("content-type"), StringComparison.Ordinal);
            Assert.Contains("error=\"invalid_token\"", await response.HeaderValueAsync("www-authenticate"), StringComparison.Ordinal);

            using var json = JsonDocument.Parse(await response.TextAsync());
            Assert.Equal(NoTokenMessage, json.RootElement.GetProperty("message").GetString());

            // Chromium renders a JSON document as text: the page shows the message the emulator sent.
            Assert.Contains(NoTokenMessage, await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
