using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Refit;

namespace Cymbio.Benchmarks;

/// <summary>
/// The handler-overhead comparison as a paired, interleaved loop in one process (both pipelines see the same JIT
/// state and the same machine load), next to BenchmarkDotNet's separate-process figures. Run with
/// <c>dotnet run -c Release --project tests/Cymbio.Benchmarks -- --paired</c>.
/// </summary>
public static class PairedOverhead
{
    public static async Task<int> RunAsync()
    {
        InMemoryCymbio.RegisterScopes();
        var options = InMemoryCymbio.Options();
        var plain = RestService.ForGenerated<IBenchmarkApi>(
            new HttpClient(new ConstantBearerHandler { InnerHandler = new InMemoryCymbio() }) { BaseAddress = options.BaseAddress },
            new RefitSettings());
        using var client = new CymbioClient(options, primaryHandler: new InMemoryCymbio());
        var cymbio = client.Create<IBenchmarkApi>();
        await cymbio.ListAsync(1).ConfigureAwait(false);

        const int Rounds = 9;
        const int Calls = 300_000;
        var ratios = new double[Rounds];
        for (var round = 0; round < Rounds; round++)
        {
            var plainNs = await TimeAsync(plain, Calls).ConfigureAwait(false);
            var cymbioNs = await TimeAsync(cymbio, Calls).ConfigureAwait(false);
            ratios[round] = cymbioNs / plainNs;
            Console.WriteLine($"round {round + 1}: plain {plainNs:F0} ns, cymbio {cymbioNs:F0} ns, ratio {ratios[round]:F3}");
        }

        var median = ratios.Skip(1).OrderBy(r => r).ElementAt((Rounds - 1) / 2);
        Console.WriteLine($"median ratio (rounds 2-{Rounds}): {median:F3} (target: <= 1.05)");
        return 0;
    }

    private static async Task<double> TimeAsync(IBenchmarkApi api, int calls)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            await api.ListAsync(1).ConfigureAwait(false);
        }

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds * 1_000_000 / calls;
    }
}
