using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cymbio.Emulator;
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

    [Fact]
    public async Task AfterTheDemosRun_ThePageShowsItsTokenAndCalls_AndADenial_UntilCtrlC()
    {
        // The test binaries are in tests/Cymbio.Dashboard.Tests/bin/<Configuration>/net10.0/; the demo was built alongside.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var demo = Repository.PathOf("src", "Cymbio.Demo", "bin", configuration, "net10.0", "Cymbio.Demo.dll");
        Assert.True(File.Exists(demo), $"{demo} was not built");

        using var process = Start(demo, out var output);
        try
        {
            var address = await WaitForAsync(output, process, new Regex(@"keeps running: open (http://127\.0\.0\.1:\d+/_dashboard/)"), TimeSpan.FromSeconds(60));
            var dashboard = new Uri(address);
            var baseAddress = new Uri(dashboard, "/");

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

            Assert.False(process.HasExited, output.ToString());
            Interrupt(process);
            Assert.True(process.WaitForExit(15_000), "The demo did not stop on SIGINT.\n" + output);
            process.WaitForExit(); // until the redirected output is read to its end
            // The run succeeded; stopping the dashboard afterwards does not change that.
            Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}\n{output}");
            Assert.Contains("Stopped.", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task CallWithoutTheScopeAsync(Uri baseAddress)
    {
        // The emulator's default supplier account: test credentials of the emulator only.
        var supplier = EmulatorAccounts.CreateDefaults().Single(static a => a.Name == EmulatorAccounts.Supplier);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var tokenResponse = await http.PostAsync(new Uri(baseAddress, "oauth/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = supplier.ClientId,
            ["client_secret"] = supplier.ClientSecret,
            ["scope"] = "read:orders",
        }));
        tokenResponse.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, $"v3/suppliers/{supplier.SupplierId}/inventory"));
        request.Headers.Authorization = new("Bearer", json.RootElement.GetProperty("access_token").GetString());
        using var denied = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    private static Process Start(string demo, out StringBuilder output)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(demo);
        info.ArgumentList.Add("--dashboard");
        var lines = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { lock (lines) { lines.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (lines) { lines.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = lines;
        return process;
    }

    private static async Task<string> WaitForAsync(StringBuilder output, Process process, Regex pattern, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            string text;
            lock (output)
            {
                text = output.ToString();
            }

            var match = pattern.Match(text);
            if (match.Success)
            {
                return match.Groups[1].Value;
            }

            Assert.False(process.HasExited, "The demo exited before its dashboard message:\n" + text);
            Assert.True(DateTime.UtcNow < deadline, "The demo printed no dashboard address in time:\n" + text);
            await Task.Delay(100);
        }
    }

    // What Ctrl+C sends.
    private static void Interrupt(Process process)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }
}
