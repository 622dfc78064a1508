using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Spectre.Console.Testing;
using Xunit;

namespace Cymbio.Demo.Tests;

/// <summary>The command line in-process: help, bad options, staging without credentials, and the default run.</summary>
public sealed class DemoCommandTests
{
    private const string Secret = "s3cr3t-value-that-must-not-show";

    [Fact]
    public async Task Help_IsExitCode0_AndDescribesBothModes()
    {
        var (code, output, error) = await RunAsync(["--help"]);

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("--environment", output, StringComparison.Ordinal);
        Assert.Contains("emulator (default)", output, StringComparison.Ordinal);
        Assert.Contains("Needs no configuration", output, StringComparison.Ordinal);
        Assert.Contains("staging", output, StringComparison.Ordinal);
        Assert.Contains("https://cymbio3-api-staging.cym.bio/", output, StringComparison.Ordinal);
        foreach (var variable in new[] { "CYMBIO__CLIENTID", "CYMBIO__CLIENTSECRET", "CYMBIO__SUPPLIERID", "CYMBIO__USERNAME", "CYMBIO__PASSWORD" })
        {
            Assert.Contains(variable, output, StringComparison.Ordinal);
        }

        Assert.Contains("user-secrets", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--environment", "production")]
    [InlineData("extra-argument")]
    public async Task ABadCommandLine_IsANonZeroExitCode_WithAMessage(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(DemoCommand.UsageError, code);
        Assert.Contains(args[^1], error, StringComparison.Ordinal);
        Assert.Contains("--help", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
        Assert.DoesNotContain("Summary", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staging_WithoutCredentials_NamesTheMissingSettings()
    {
        var (code, output, error) = await RunAsync(["--environment", "staging"]);

        Assert.Equal(DemoCommand.UsageError, code);
        Assert.Contains("CYMBIO__CLIENTID", error, StringComparison.Ordinal);
        Assert.Contains("CYMBIO__CLIENTSECRET", error, StringComparison.Ordinal);
        Assert.Contains("CYMBIO__SUPPLIERID", error, StringComparison.Ordinal);
        Assert.Contains("Cymbio:ClientId", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task Staging_WithPartOfTheCredentials_NamesWhatIsMissing_AndNeverPrintsTheSecret()
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Cymbio:ClientSecret"] = Secret,
            ["Cymbio:SupplierId"] = "not-a-number",
            ["Cymbio:Username"] = "someone@example.com",
        };

        var (code, output, error) = await RunAsync(["--environment", "staging"], configuration);

        Assert.Equal(DemoCommand.UsageError, code);
        Assert.Contains("CYMBIO__CLIENTID", error, StringComparison.Ordinal);
        Assert.Contains("CYMBIO__SUPPLIERID", error, StringComparison.Ordinal);
        Assert.Contains("CYMBIO__PASSWORD", error, StringComparison.Ordinal);
        Assert.DoesNotContain("CYMBIO__CLIENTSECRET (", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error + output, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_WhenComplete_AreReadAndDescribedWithoutTheSecret()
    {
        var configuration = Configuration(new Dictionary<string, string?>
        {
            ["Cymbio:ClientId"] = "client-1",
            ["Cymbio:ClientSecret"] = Secret,
            ["Cymbio:SupplierId"] = "88",
        });

        var credentials = DemoCredentials.Read(configuration, out var problems);

        Assert.Empty(problems);
        Assert.NotNull(credentials);
        Assert.Equal(88, credentials.SupplierId);
        Assert.DoesNotContain(Secret, credentials.ToString(), StringComparison.Ordinal);
        var options = DemoClientOptions.ForStaging(credentials);
        Assert.Equal(CymbioEnvironment.Staging, options.Environment);
        Assert.Equal(new Uri(CymbioEnvironments.Staging), options.EffectiveBaseAddress);
        Assert.Equal(SupplierOrderSync.Grants, options.Grants);
        Assert.DoesNotContain(Secret, options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoArguments_RunsAgainstTheEmbeddedEmulator()
    {
        var (code, output, error) = await RunAsync([]);

        Assert.True(code == 0, output + error);
        Assert.Contains("embedded emulator at http://127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Contains("Token requests: 1", output, StringComparison.Ordinal);
        Assert.Matches(@"Live dashboard: http://127\.0\.0\.1:\d+/_dashboard/", output);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Dashboard_WithStaging_IsAUsageError()
    {
        var (code, output, error) = await RunAsync(["--environment", "staging", "--dashboard"]);

        Assert.Equal(DemoCommand.UsageError, code);
        Assert.Contains("--dashboard", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Summary", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_KeepsTheEmulatorAndItsPageUp_AfterTheRun_UntilCancelled()
    {
        var console = new TestConsole();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = DemoCommand.RunAsync(["--dashboard"], console, error, Configuration([]), stop.Token);

        // The run ends, the page's address is printed again, and the command is still running.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        System.Text.RegularExpressions.Match address;
        while (!(address = System.Text.RegularExpressions.Regex.Match(console.Output, @"keeps running: open (http://127\.0\.0\.1:\d+/_dashboard/)")).Success)
        {
            Assert.False(run.IsCompleted, console.Output + error);
            Assert.True(DateTime.UtcNow < deadline, "The address was not printed after the run:\n" + console.Output);
            await Task.Delay(100);
        }

        Assert.Contains("Summary", console.Output, StringComparison.Ordinal);
        using var http = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var page = await http.GetStringAsync(new Uri(address.Groups[1].Value));
        Assert.Contains("<title>Cymbio emulator", page, StringComparison.Ordinal);

        // The page's first event carries the run: its token and its calls (the demo's refused call is refused by the SDK
        // before it is sent, so Cymbio never sees it).
        using var events = await http.GetStreamAsync(new Uri(new Uri(address.Groups[1].Value), "events"));
        using var reader = new StreamReader(events);
        string? line;
        while ((line = await reader.ReadLineAsync()) is not null && !line.StartsWith("data: ", StringComparison.Ordinal))
        {
        }

        Assert.NotNull(line);
        using var snapshot = System.Text.Json.JsonDocument.Parse(line!["data: ".Length..]);
        Assert.NotEqual(0, snapshot.RootElement.GetProperty("tokens").GetArrayLength());
        Assert.Contains(snapshot.RootElement.GetProperty("requests").EnumerateArray(), r => r.GetProperty("operation").GetString() == "ISupplierFulfillmentsApi.AcceptAsync" && r.GetProperty("status").GetInt32() == 200);
        Assert.False(run.IsCompleted);

        await stop.CancelAsync();
        var code = await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(code == 0, console.Output + error);
        Assert.Contains("Stopped.", console.Output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string[] args, Dictionary<string, string?>? configuration = null)
    {
        var console = new TestConsole();
        using var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var code = await DemoCommand.RunAsync(args, console, error, Configuration(configuration ?? []), timeout.Token);
        return (code, console.Output, error.ToString());
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
