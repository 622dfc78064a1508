using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Cymbio.Emulator;
using Cymbio.Emulator.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Cymbio.Dashboard.Tests;

/// <summary>
/// The emulator's live page in a real headless Chromium, against a real emulator on loopback: it renders, shows a new
/// token and a 403 within a second of them happening, its fault switch takes the token endpoint down, and hostile text
/// from a request is shown as text.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class DashboardPageTests(ChromiumFixture chromium) : IAsyncLifetime
{
    // The issue's bar: what happens at the emulator is on the page within one second.
    private static readonly LocatorAssertionsToBeVisibleOptions WithinASecond = new() { Timeout = 1_000 };

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private CymbioEmulator _cymbio = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _cymbio = await CymbioEmulator.StartAsync();
        _page = await chromium.NewPageAsync();
        await _page.GotoAsync(_cymbio.DashboardAddress!.ToString());
        await Expect(_page.Locator("#connection")).ToHaveTextAsync("Live");
    }

    public async Task DisposeAsync()
    {
        await _page.Context.CloseAsync();
        _http.Dispose();
        await _cymbio.DisposeAsync();
    }

    private EmulatorAccount Supplier => _cymbio.Account(EmulatorAccounts.Supplier);

    [Fact]
    public async Task ThePage_Renders_WithItsSections_AndTheEmulatorsAddress()
    {
        await Expect(_page).ToHaveTitleAsync("Cymbio emulator · live");
        foreach (var heading in new[] { "Faults", "Tokens", "Denials", "Requests" })
        {
            await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 2 })).ToBeVisibleAsync();
        }

        await Expect(_page.Locator("#base-address")).ToHaveTextAsync(_cymbio.BaseAddress.ToString());
        await Expect(_page.GetByLabel("Token endpoint down (503)")).Not.ToBeCheckedAsync();
        await Expect(_page.Locator("#tokens tbody tr")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ANewToken_IsOnThePage_WithinASecond_WithItsCountdown()
    {
        await IssueTokenAsync("read:orders write:fulfillments");
        var id = _cymbio.Tokens.Issued.Single().Id;

        var row = _page.Locator($"#tokens tbody tr[data-token-id='{id}']");
        await Expect(row).ToBeVisibleAsync(WithinASecond);
        await Expect(row).ToContainTextAsync("supplier");
        await Expect(row).ToContainTextAsync("client_credentials");
        await Expect(row).ToContainTextAsync("read:orders write:fulfillments");
        await Expect(row.Locator(".state")).ToHaveTextAsync("issued");
        await Expect(row.Locator(".expires")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^4:5\d$|^5:00$"));

        // A second token for the same scopes is a renewal; revoking both shows on their rows.
        await IssueTokenAsync("read:orders write:fulfillments");
        var renewal = _page.Locator($"#tokens tbody tr[data-token-id='{id + 1}']");
        await Expect(renewal.Locator(".state")).ToHaveTextAsync("renewal", new() { Timeout = 1_000 });
        _cymbio.Tokens.Revoke(EmulatorAccounts.Supplier);
        await Expect(row.Locator(".state")).ToHaveTextAsync("revoked", new() { Timeout = 1_000 });
        await Expect(renewal.Locator(".state")).ToHaveTextAsync("revoked", new() { Timeout = 1_000 });
    }

    [Fact]
    public async Task A403_IsOnThePage_WithinASecond_WithTheMissingScope_AndTheSdkMethod()
    {
        var token = await IssueTokenAsync("read:orders");
        using var response = await _http.SendAsync(TokenForm.Authorized(HttpMethod.Get, new Uri(_cymbio.BaseAddress, "v3/suppliers/88/inventory"), token));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        var denial = _page.Locator("#denials tbody tr.denied");
        await Expect(denial).ToBeVisibleAsync(WithinASecond);
        await Expect(denial.Locator(".missing")).ToHaveTextAsync("read:inventory");
        await Expect(denial.Locator(".operation")).ToHaveTextAsync("ISupplierInventoryApi.ListAsync");
        await Expect(denial.Locator(".status")).ToHaveTextAsync("403");
        await Expect(_page.Locator("#denial-count")).ToHaveTextAsync("1");
        await Expect(_page.Locator("#requests tbody tr.denied .status")).ToHaveTextAsync("403");
    }

    [Fact]
    public async Task TheTokenEndpointSwitch_UsedWithTheKeyboard_MakesTheNextTokenRequestFail_AndSwitchedOffAgain_Succeed()
    {
        var toggle = _page.GetByLabel("Token endpoint down (503)");
        await toggle.FocusAsync();
        await _page.Keyboard.PressAsync("Space");
        await Expect(toggle).ToBeCheckedAsync();
        await Expect(_page.Locator("#fault-rules")).ToContainTextAsync("token endpoint: status 503");

        using (var down = await TokenRequestAsync())
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        }

        await Expect(_page.Locator("#requests tbody tr").First).ToContainTextAsync("503 (fault: status 503)", new() { Timeout = 1_000 });

        await _page.Keyboard.PressAsync("Space");
        await Expect(toggle).Not.ToBeCheckedAsync();
        await Expect(_page.Locator("#fault-rules")).ToHaveTextAsync("None.");
        using var up = await TokenRequestAsync();
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
    }

    [Fact]
    public async Task HostileTextInARequest_IsShownAsText_AndNeverRuns()
    {
        const string Script = "<script>window.__pwned = 1</script>";
        const string Image = "<img src=x onerror=\"window.__pwned = 2\">";
        // In the route (a path segment: no slash in it, which the server would keep escaped).
        const string InPath = "<img src=x onerror=window.__pwned=3>";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_cymbio.BaseAddress, "v3/" + Uri.EscapeDataString(InPath)));
        request.Headers.TryAddWithoutValidation("User-Agent", Image + Script);
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        var row = _page.Locator("#requests tbody tr").First;
        await Expect(row.Locator(".request")).ToHaveTextAsync("GET /v3/" + InPath, new() { Timeout = 1_000 });
        await Expect(row.Locator(".client")).ToHaveTextAsync(Image + Script);
        await Expect(_page.Locator("#requests img, #requests script")).ToHaveCountAsync(0);
        Assert.Null(await _page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
    }

    private Task<string> IssueTokenAsync(string scope) => TokenForm.AccessTokenAsync(_http, _cymbio, Supplier, scope);

    private Task<HttpResponseMessage> TokenRequestAsync() => TokenForm.ClientCredentialsAsync(_http, _cymbio, Supplier);
}
