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
        Assert.Empty(error);
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
