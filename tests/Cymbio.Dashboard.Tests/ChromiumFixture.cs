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

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // The tests run as root in CI (no sandbox without user namespaces there), and containers have a small /dev/shm.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
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
            return File.Exists(configured) ? configured : throw new InvalidOperationException($"CYMBIO_CHROMIUM names {configured}, which does not exist.");
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(static directory => new[] { Path.Combine(directory, "chromium"), Path.Combine(directory, "chromium-browser") });
        return new[] { "/usr/bin/chromium" }.Concat(onPath).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "The dashboard's browser tests need Chromium: install it with `apt-get install -y chromium` (.ci/run does), or set CYMBIO_CHROMIUM to a Chromium executable.");
    }
}

/// <summary>The browser tests share one <see cref="ChromiumFixture"/> and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<ChromiumFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Chromium";
}
