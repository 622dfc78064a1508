using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cymbio.Emulator;
using Cymbio.Emulator.Tests.Infrastructure;
using Cymbio.Tests.Shared;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Cymbio.Dashboard.Tests;

/// <summary>
/// The built demo as a user runs it, with <c>--dashboard</c>: after its run the page shows the run's token and calls,
/// a call made without its scope shows as a denial, the page is photographed (the README's screenshot), and Ctrl+C
/// stops the demo with the run's exit code.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class DemoDashboardTests(ChromiumFixture chromium)
{
    /// <summary>Where the screenshot is written, beside the test binaries (docs/images/dashboard.png is a copy of one).</summary>
    public static readonly string ScreenshotPath = Path.Combine(AppContext.BaseDirectory, "dashboard-after-demo.png");

    private static readonly Regex AddressLine = new(@"keeps running: open (http://127\.0\.0\.1:\d+/_dashboard/)", RegexOptions.CultureInvariant);

    [Fact]
    public async Task AfterTheDemosRun_ThePageShowsItsTokenAndCalls_AndADenial_UntilCtrlC()
    {
        // The test binaries are in tests/Cymbio.Dashboard.Tests/bin/<Configuration>/net10.0/; the demo was built alongside.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var demo = Repository.PathOf("src", "Cymbio.Demo", "bin", configuration, "net10.0", "Cymbio.Demo.dll");
        Assert.True(File.Exists(demo), $"{demo} was not built");

        await using var process = ChildProcess.StartDotnet(demo, Repository.Root, "--dashboard");
        var printed = await process.WaitForLineAsync(AddressLine.IsMatch, TimeSpan.FromSeconds(60));
        var address = AddressLine.Match(printed).Groups[1].Value;
        var baseAddress = new Uri(new Uri(address), "/");

        var page = await chromium.NewPageAsync();
        await page.GotoAsync(address);
        await Expect(page.Locator("#connection")).ToHaveTextAsync("Live");
        await Expect(page.Locator("#tokens tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#tokens tbody tr .state")).ToHaveTextAsync("issued");
        await Expect(page.Locator("#requests tbody tr .operation", new() { HasTextString = "ISupplierFulfillmentsApi.AcceptAsync" }).First).ToBeVisibleAsync();
        await Expect(page.Locator("#requests tbody tr.denied")).ToHaveCountAsync(0);

        // The demo's refused call never reaches Cymbio (the SDK refuses it); one made without the SDK does.
        await CallWithoutTheScopeAsync(baseAddress);
        await Expect(page.Locator("#denials tbody tr .missing")).ToHaveTextAsync("read:inventory");
        // The page's own requests (its icon included) are not Cymbio traffic.
        await Expect(page.Locator("#requests tbody tr .request", new() { HasTextString = "favicon" })).ToHaveCountAsync(0);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath });
        Assert.True(new FileInfo(ScreenshotPath).Length > 20_000, "The screenshot is nearly empty.");
        await page.Context.CloseAsync();

        Assert.False(process.HasExited, process.Output);
        Assert.True(await process.InterruptAsync(TimeSpan.FromSeconds(15)), "The demo did not stop on SIGINT.\n" + process.Output);
        Assert.True(process.HasExited);
        // The run succeeded; stopping the dashboard afterwards does not change that.
        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}\n{process.Output}");
        Assert.Contains("Stopped.", process.Output, StringComparison.Ordinal);
    }

    private static async Task CallWithoutTheScopeAsync(Uri baseAddress)
    {
        // The emulator's default supplier account: test credentials of the emulator only.
        var supplier = EmulatorAccounts.CreateDefaults().Single(static a => a.Name == EmulatorAccounts.Supplier);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var token = await TokenForm.AccessTokenAsync(http, new Uri(baseAddress, CymbioEmulator.TokenPath.TrimStart('/')), supplier, "read:orders");
        using var denied = await http.SendAsync(TokenForm.Authorized(HttpMethod.Get, new Uri(baseAddress, $"v3/suppliers/{supplier.SupplierId}/inventory"), token));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }
}
