using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace Cymbio.Dashboard.Tests;

/// <summary>
/// One headless Chromium for the browser tests: Debian's <c>chromium</c> (or <c>CYMBIO_CHROMIUM</c>) driven by
/// Playwright; each test gets a fresh browser context. A missing browser fails the tests with the command that
/// installs it, never skips them.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The browser's executable.</summary>
    public string ExecutablePath { get; } = Find();

    /// <summary>Starts Playwright's driver and the browser.</summary>
    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        try
        {
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                // The tests run as root in CI (no sandbox without user namespaces there), and containers have a small
                // /dev/shm. (Playwright passes both on Linux anyway; they are spelled out for whoever reads this.)
                Args = ["--no-sandbox", "--disable-dev-shm-usage"],
            });
        }
        catch
        {
            // A browser that fails to start must not leave the driver's node process behind.
            _playwright.Dispose();
            _playwright = null;
            throw;
        }
    }

    /// <summary>A page in a new browser context (its own cookies and storage), 1280 × 900.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await (_browser ?? throw new InvalidOperationException("The browser is not started.")).NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>Closes the browser and stops the driver.</summary>
    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    private static string Find()
    {
        var configured = Environment.GetEnvironmentVariable("CYMBIO_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"CYMBIO_CHROMIUM names {configured}, which does not exist. Install Chromium with `apt-get install -y chromium`, or name an existing Chromium executable.");
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(static directory => new[] { Path.Combine(directory, "chromium"), Path.Combine(directory, "chromium-browser") });
        return new[] { "/usr/bin/chromium" }.Concat(onPath).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "The dashboard's browser tests need Chromium: install it with `apt-get install -y chromium` (.ci/run does), or set CYMBIO_CHROMIUM to a Chromium executable.");
    }
}
