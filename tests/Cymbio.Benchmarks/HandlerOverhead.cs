using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Refit;

namespace Cymbio.Benchmarks;

/// <summary>
/// A call with a warm token through <see cref="CymbioAuthenticationHandler"/> versus a plain Refit call carrying a
/// constant bearer header, both over the same in-memory transport. Target: ≤ 1.05× time.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 3, warmupCount: 10, iterationCount: 30)]
public class HandlerOverhead
{
    private IBenchmarkApi _plain = null!;
    private IBenchmarkApi _cymbio = null!;
    private CymbioClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        InMemoryCymbio.RegisterScopes();
        var options = InMemoryCymbio.Options();
        _plain = RestService.ForGenerated<IBenchmarkApi>(
            new HttpClient(new ConstantBearerHandler { InnerHandler = new InMemoryCymbio() }) { BaseAddress = options.BaseAddress },
            new RefitSettings());
        _client = new CymbioClient(options, primaryHandler: new InMemoryCymbio());
        _cymbio = _client.Create<IBenchmarkApi>();
        _cymbio.ListAsync(1).GetAwaiter().GetResult(); // warm the token
    }

    [GlobalCleanup]
    public void Cleanup() => _client.Dispose();

    /// <summary>Plain Refit, constant bearer header.</summary>
    [Benchmark(Baseline = true)]
    public Task PlainRefitConstantBearer() => _plain.ListAsync(1);

    /// <summary>Cymbio handler, token from the cache.</summary>
    [Benchmark]
    public Task CymbioHandlerWarmToken() => _cymbio.ListAsync(1);
}

/// <summary>1,000 concurrent calls on a cold cache (target: exactly 1 token request; the count is checked).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class ColdStampede
{
    private const int Calls = 1000;

    [GlobalSetup]
    public void Setup() => InMemoryCymbio.RegisterScopes();

    /// <summary>A fresh client, 1,000 concurrent calls while the token response is held, then released.</summary>
    [Benchmark]
    public async Task ThousandConcurrentColdCalls()
    {
        var transport = new InMemoryCymbio();
        transport.Hold();
        using var client = new CymbioClient(InMemoryCymbio.Options(), primaryHandler: transport);
        var api = client.Create<IBenchmarkApi>();
        var calls = Enumerable.Range(0, Calls).Select(_ => api.ListAsync(1)).ToArray();
        transport.Release();
        await Task.WhenAll(calls).ConfigureAwait(false);
        if (transport.TokenRequests != 1)
        {
            throw new InvalidOperationException($"{transport.TokenRequests} token requests for {Calls} cold calls; expected 1.");
        }
    }
}

/// <summary>
/// The handler alone, without Refit: <see cref="CymbioAuthenticationHandler"/> with a warm token versus the
/// constant-bearer handler, each over the in-memory transport, for a request carrying the options Refit sets. The
/// difference is the handler's own cost per call, which the full-call comparison above buries in Refit's ~1.5 μs.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 3, warmupCount: 10, iterationCount: 30)]
public class HandlerIsolated
{
    private HttpMessageInvoker _plain = null!;
    private HttpMessageInvoker _cymbio = null!;
    private CymbioClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        InMemoryCymbio.RegisterScopes();
        var options = InMemoryCymbio.Options();
        _client = new CymbioClient(options, primaryHandler: new InMemoryCymbio());
        _plain = new HttpMessageInvoker(new ConstantBearerHandler { InnerHandler = new InMemoryCymbio() });
        _cymbio = new HttpMessageInvoker(new CymbioAuthenticationHandler(_client.TokenProvider, options) { InnerHandler = new InMemoryCymbio() });
        _cymbio.SendAsync(InMemoryCymbio.ListRequest(), CancellationToken.None).GetAwaiter().GetResult(); // warm the token
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _plain.Dispose();
        _cymbio.Dispose();
        _client.Dispose();
    }

    /// <summary>Constant bearer header.</summary>
    [Benchmark(Baseline = true)]
    public Task<HttpResponseMessage> ConstantBearerHandler() => _plain.SendAsync(InMemoryCymbio.ListRequest(), CancellationToken.None);

    /// <summary>Cymbio handler, token from the cache.</summary>
    [Benchmark]
    public Task<HttpResponseMessage> CymbioHandler() => _cymbio.SendAsync(InMemoryCymbio.ListRequest(), CancellationToken.None);
}
