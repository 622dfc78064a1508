using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Cymbio.Client.Tests.Runtime.Harness;
using Cymbio.Emulator;
using Cymbio.Tests.Shared;
using Microsoft.AspNetCore.DataProtection;
using Xunit;
using Xunit.Abstractions;

namespace Cymbio.Client.Tests.Distributed;

/// <summary>
/// Issue 13 with real components: a real <c>redis-server</c>, eight real processes (<c>Cymbio.FleetHost</c>), each with
/// its own in-process cache and 100 callers, the emulator counting token requests. Shared tokens mean about one token
/// request per token lifetime across the whole fleet (in-process caches alone would make eight).
/// </summary>
[Collection(TokenReliabilityCollection.Name)]
public sealed class FleetTests(ITestOutputHelper output)
{
    private const int Processes = 8;
    private const int Callers = 100;
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task EightProcessesOnRealRedis_MakeAboutOneTokenRequestPerLifetime()
    {
        var emulatorOptions = new CymbioEmulatorOptions { TokenLifetime = Lifetime };
        await using var emulator = await CymbioEmulator.StartAsync(emulatorOptions);
        await using var redis = await RedisServer.StartAsync();
        var keys = Directory.CreateTempSubdirectory("cymbio-fleet-keys-");
        try
        {
            // One key ring for the fleet, created before the processes start (as a deployment would provision it).
            DataProtectionProvider.Create(keys, b => b.SetApplicationName("cymbio-fleet")).CreateProtector("provision").Protect([1]);
            var account = emulator.Account(EmulatorAccounts.Supplier);
            var seconds = 3 * Lifetime.TotalSeconds;
            var runs = Enumerable.Range(0, Processes).Select(_ => Task.Run(() => RunHost(
                ["--base", emulator.BaseAddress.AbsoluteUri, "--client-id", account.ClientId, "--redis", redis.ConnectionString, "--keys", keys.FullName,
                 "--scope", CymbioScopes.ReadOrders, "--callers", Callers.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seconds", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                account.ClientSecret))).ToList();
            var reports = await Task.WhenAll(runs);

            var requests = emulator.Requests.TokenRequests();
            var generations = reports.Max(static r => r.Tokens.Count);
            var perLifetime = requests / (seconds / Lifetime.TotalSeconds);
            output.WriteLine($"{Processes} processes x {Callers} callers, {seconds} s of {Lifetime.TotalSeconds} s tokens: {requests} token requests, "
                + $"{generations} token generations seen by one process, {(double)requests / generations:F2} requests per generation, {perLifetime:F2} per lifetime; "
                + $"calls {reports.Sum(static r => r.Calls)}, failures {reports.Sum(static r => r.Failures)}");

            var first = emulator.Tokens.Issued.Min(static t => t.IssuedAt);
            output.WriteLine("token requests at (s): " + string.Join(" ", emulator.Tokens.Issued.Select(t => (t.IssuedAt - first).TotalSeconds.ToString("F2", System.Globalization.CultureInfo.InvariantCulture))));
            Assert.All(reports, static r => Assert.Equal(0, r.Failures));
            Assert.All(reports, static r => Assert.True(r.Calls > 0));
            // A generation is a token every process went through: what one process alone would have requested. Eight
            // processes with in-process caches only would make eight requests per generation.
            Assert.InRange((double)requests / generations, 1.0, 1.2);
        }
        finally
        {
            keys.Delete(recursive: true);
        }
    }

    private static Report RunHost(IReadOnlyList<string> arguments, string clientSecret)
    {
        // Built with this test project (a project reference that references no assembly), in the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var host = Repository.PathOf("tests", "Cymbio.FleetHost", "bin", configuration, "net10.0", "Cymbio.FleetHost.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(host);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CYMBIO_FLEET_CLIENT_SECRET"] = clientSecret;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("A fleet process did not finish in 120 s.");
        }

        var line = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(static l => l.StartsWith('{'))
            ?? throw new InvalidOperationException($"A fleet process exited with {process.ExitCode} and no report:\n{stdout.Result}\n{stderr.Result}");
        using var report = JsonDocument.Parse(line);
        var root = report.RootElement;
        return new Report(root.GetProperty("calls").GetInt64(), root.GetProperty("failures").GetInt64(), [.. root.GetProperty("tokens").EnumerateArray().Select(static t => t.GetString()!)]);
    }

    private sealed record Report(long Calls, long Failures, IReadOnlyList<string> Tokens);
}
