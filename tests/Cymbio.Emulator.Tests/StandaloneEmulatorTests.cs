using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cymbio.Api;
using Cymbio.Api.Suppliers;
using Cymbio.Emulator.Tests.Infrastructure;
using Cymbio.Tests.Shared;
using Xunit;

namespace Cymbio.Emulator.Tests;

/// <summary>The emulator as a command-line program (<c>dotnet run --project src/Cymbio.Emulator -- --port …</c>).</summary>
public sealed partial class StandaloneEmulatorTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);

    private static string EmulatorDll => Path.Combine(AppContext.BaseDirectory, "Cymbio.Emulator.dll");

    [Fact]
    public void Help_DescribesTheOptions_AndUnknownOptionsFail()
    {
        var (helpExit, help) = DotnetProcess.Run(AppContext.BaseDirectory, [EmulatorDll, "--help"], TimeSpan.FromMinutes(1));
        var (badExit, bad) = DotnetProcess.Run(AppContext.BaseDirectory, [EmulatorDll, "--no-such-option"], TimeSpan.FromMinutes(1));

        Assert.Equal(0, helpExit);
        Assert.Contains("--port", help, StringComparison.Ordinal);
        Assert.Contains("--token-shape", help, StringComparison.Ordinal);
        Assert.NotEqual(0, badExit);
        Assert.Contains("--no-such-option", bad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Standalone_PrintsItsAddressAndAccounts_AndTheSdkWorksAgainstThem_ThenStopsOnSigterm()
    {
        await using var emulator = StandaloneEmulatorProcess.Start("--port", "0", "--token-lifetime", "120");
        var listening = await emulator.WaitForLineAsync(static l => l.Contains("listening on", StringComparison.Ordinal), StartTimeout);
        var accountLine = await emulator.WaitForLineAsync(static l => l.TrimStart().StartsWith(EmulatorAccounts.Supplier + ":", StringComparison.Ordinal), StartTimeout);
        await emulator.WaitForLineAsync(static l => l.Contains("Ctrl+C", StringComparison.Ordinal), StartTimeout);
        var address = new Uri(AddressPattern().Match(listening).Value);
        var credentials = CredentialPattern().Match(accountLine);
        Assert.True(credentials.Success, accountLine);

        var options = new CymbioClientOptions
        {
            BaseAddress = address,
            ClientId = credentials.Groups["id"].Value,
            ClientSecret = credentials.Groups["secret"].Value,
            SupplierId = EmulatorAccounts.SupplierId,
            Grants = { CymbioScopes.ReadOrders, CymbioScopes.WriteFulfillments },
        };
        using (var cymbio = new CymbioClient(options))
        {
            var fresh = await cymbio.Supplier.Fulfillments.ListAsync(new FulfillmentFilter { FulfillmentState = FulfillmentStates.New });
            var first = fresh.First();
            await cymbio.Supplier.Fulfillments.AcceptAsync(first.Id, new AcceptFulfillmentRequest());
            var accepted = await cymbio.Supplier.Fulfillments.GetAsync(first.Id);

            Assert.True(address.IsLoopback);
            Assert.NotEqual(0, address.Port);
            Assert.Equal(FulfillmentStates.Accepted, accepted.FulfillmentState);
        }

        Assert.True(await emulator.TerminateAsync(TimeSpan.FromSeconds(15)), emulator.Output);
        Assert.Equal(0, emulator.ExitCode);
        Assert.Contains($"{CymbioEmulator.Routes.Count.ToString(CultureInfo.InvariantCulture)} routes", emulator.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Standalone_RejectsANonPositiveTokenLifetime()
    {
        await using var emulator = StandaloneEmulatorProcess.Start("--port", "0", "--token-lifetime", "0");

        Assert.True(await WaitForExitAsync(emulator), emulator.Output);
        Assert.Equal(2, emulator.ExitCode);
        Assert.Contains("--token-lifetime must be a positive number", emulator.Output, StringComparison.Ordinal);
    }

    private static async Task<bool> WaitForExitAsync(ChildProcess emulator)
    {
        for (var i = 0; i < 600 && !emulator.HasExited; i++)
        {
            await Task.Delay(100);
        }

        return emulator.HasExited;
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/?")]
    private static partial Regex AddressPattern();

    [GeneratedRegex(@"client_id=(?<id>\S+) client_secret=(?<secret>\S+)")]
    private static partial Regex CredentialPattern();
}
