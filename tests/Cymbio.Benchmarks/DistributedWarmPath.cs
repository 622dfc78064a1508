using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cymbio.Benchmarks;

/// <summary>
/// Issue 13: a warm call through <see cref="CymbioAuthenticationHandler"/> with the distributed token cache enabled
/// versus disabled, over the same in-memory transport. Target: ≤ 1.02× — the warm path must not touch the
/// distributed cache (the in-process cache answers; the cache counts its reads, and the run fails if one happens).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 3, warmupCount: 10, iterationCount: 30)]
public class DistributedWarmPath
{
    private HttpMessageInvoker _inProcess = null!;
    private HttpMessageInvoker _distributed = null!;
    private CymbioTokenProvider _inProcessTokens = null!;
    private CymbioTokenProvider _distributedTokens = null!;
    private CountingCache _cache = null!;
    private long _readsAfterWarmUp;

    [GlobalSetup]
    public void Setup()
    {
        InMemoryCymbio.RegisterScopes();
        var options = InMemoryCymbio.Options();
        var transport = new InMemoryCymbio();
        var tokenClient = new HttpClient(transport, disposeHandler: false);
        _cache = new CountingCache();
        _inProcessTokens = new CymbioTokenProvider(tokenClient, options);
        _distributedTokens = new CymbioTokenProvider(
            () => tokenClient,
            options,
            TimeProvider.System,
            null,
            (endpoint, log) => new DistributedTokenSource(endpoint, _cache, new EphemeralDataProtectionProvider(), options, new CymbioDistributedTokenCacheOptions(), TimeProvider.System, NullLogger.Instance));
        _inProcess = new HttpMessageInvoker(new CymbioAuthenticationHandler(_inProcessTokens, options) { InnerHandler = new InMemoryCymbio() });
        _distributed = new HttpMessageInvoker(new CymbioAuthenticationHandler(_distributedTokens, options) { InnerHandler = new InMemoryCymbio() });
        _inProcess.SendAsync(InMemoryCymbio.ListRequest(), CancellationToken.None).GetAwaiter().GetResult(); // warm both tokens
        _distributed.SendAsync(InMemoryCymbio.ListRequest(), CancellationToken.None).GetAwaiter().GetResult();
        _readsAfterWarmUp = _cache.Reads;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var reads = _cache.Reads - _readsAfterWarmUp;
        _inProcess.Dispose();
        _distributed.Dispose();
        _inProcessTokens.Dispose();
        _distributedTokens.Dispose();
        if (reads != 0)
        {
            throw new InvalidOperationException($"The warm path read the distributed cache {reads} times.");
        }
    }

    /// <summary>The in-process token cache alone.</summary>
    [Benchmark(Baseline = true)]
    public Task<HttpResponseMessage> InProcessCacheOnly() => _inProcess.SendAsync(InMemoryCymbio.ListRequest(), CancellationToken.None);

    /// <summary>The same with the distributed level behind it.</summary>
    [Benchmark]
    public Task<HttpResponseMessage> WithDistributedCache() => _distributed.SendAsync(InMemoryCymbio.ListRequest(), CancellationToken.None);

    /// <summary>An in-memory distributed cache that counts reads.</summary>
    private sealed class CountingCache : IDistributedCache
    {
        private readonly MemoryDistributedCache _inner = new(Options.Create(new MemoryDistributedCacheOptions()));
        private long _reads;

        public long Reads => Interlocked.Read(ref _reads);

        public byte[]? Get(string key) => Count(_inner.Get(key));

        public async Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Count(await _inner.GetAsync(key, token).ConfigureAwait(false));

        public void Refresh(string key) => _inner.Refresh(key);

        public Task RefreshAsync(string key, CancellationToken token = default) => _inner.RefreshAsync(key, token);

        public void Remove(string key) => _inner.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default) => _inner.RemoveAsync(key, token);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => _inner.Set(key, value, options);

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => _inner.SetAsync(key, value, options, token);

        private byte[]? Count(byte[]? value)
        {
            Interlocked.Increment(ref _reads);
            return value;
        }
    }
}
