using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Cymbio.Benchmarks;

/// <summary>
/// Counts rather than times: token requests for 1,000 concurrent cold calls, and for one simulated hour of steady
/// traffic (1 call/s) on 300-second tokens, with how many calls had to wait for a token after warm-up.
/// Run with <c>dotnet run -c Release --project tests/Cymbio.Benchmarks -- --counts</c>.
/// </summary>
public static class TokenCounts
{
    public static async Task<int> RunAsync()
    {
        InMemoryCymbio.RegisterScopes();

        var stampede = new InMemoryCymbio();
        stampede.Hold();
        using (var client = new CymbioClient(InMemoryCymbio.Options(), primaryHandler: stampede))
        {
            var api = client.Create<IBenchmarkApi>();
            var calls = Enumerable.Range(0, 1000).Select(_ => api.ListAsync(1)).ToArray();
            stampede.Release();
            await Task.WhenAll(calls).ConfigureAwait(false);
        }

        Console.WriteLine($"1,000 concurrent cold calls: {stampede.TokenRequests} token request(s) (target: exactly 1)");

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero));
        var transport = new InMemoryCymbio();
        using var provider = new CymbioTokenProvider(new HttpClient(transport), InMemoryCymbio.Options(), time);
        var scopes = ScopeSet.Create(CymbioScopes.ReadOrders);
        await provider.GetTokenAsync(scopes).ConfigureAwait(false);
        var waited = 0;
        var youngestRenewal = int.MaxValue;
        var acquiredAt = 0;
        var lastToken = (await provider.GetTokenAsync(scopes).ConfigureAwait(false)).AccessToken;
        for (var second = 1; second <= 3600; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            var pending = provider.GetTokenAsync(scopes);
            if (!pending.IsCompleted)
            {
                waited++;
            }

            await pending.ConfigureAwait(false);

            // A background renewal may have started: let it land before the next simulated second, as it would in
            // real time (it takes milliseconds; a second passes between calls).
            for (var spins = 0; spins < 5000 && provider.IsRequesting(scopes); spins++)
            {
                await Task.Delay(1).ConfigureAwait(false);
            }

            var current = (await provider.GetTokenAsync(scopes).ConfigureAwait(false)).AccessToken;
            if (current != lastToken)
            {
                youngestRenewal = Math.Min(youngestRenewal, second - acquiredAt);
                acquiredAt = second;
                lastToken = current;
            }
        }

        Console.WriteLine($"One simulated hour, 1 call/s, 300 s tokens: {transport.TokenRequests} token requests (target: ≤ 16); " +
            $"calls that waited for a token: {waited} (target: 0); youngest token renewed at {youngestRenewal} s (target: ≥ 225 s, 75 %)");
        return stampede.TokenRequests == 1 && transport.TokenRequests <= 16 && waited == 0 && youngestRenewal >= 225 ? 0 : 1;
    }
}
