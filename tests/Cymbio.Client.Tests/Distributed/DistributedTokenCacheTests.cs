using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Cymbio.Client.Tests.Apis;
using Cymbio.Client.Tests.Runtime.Harness;
using Cymbio.Emulator;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace Cymbio.Client.Tests.Distributed;

/// <summary>
/// The distributed token cache (issue 13) with several "processes" — each its own service provider, token provider and
/// in-process cache — sharing one <see cref="IDistributedCache"/>, against the emulator over loopback. The real Redis
/// and real processes are in the fleet tests; here the cache is in memory, so faults can be scripted.
/// </summary>
[Collection(TokenReliabilityCollection.Name)]
public sealed class DistributedTokenCacheTests
{
    private const int Unavailable = 40;
    private const int Recovered = 41;
    private const int Unreadable = 43;

    /// <summary>What the handler asks for under the default strategy: every grant of <see cref="Process"/>.</summary>
    private static readonly ScopeSet AllGrants = ScopeSet.Parse(CymbioScopes.ReadInventory + " " + CymbioScopes.ReadOrders);

    [Fact]
    public async Task ProcessesWithTheSameCredentials_ShareOneToken_AndTheWarmPathNeverReadsTheCache()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        var cache = new RecordingCache();
        var protection = new EphemeralDataProtectionProvider();
        await using var first = Process(emulator, cache, protection);
        await using var second = Process(emulator, cache, protection);

        await first.GetRequiredService<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId);
        await second.GetRequiredService<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId);
        var reads = cache.Reads;
        for (var i = 0; i < 20; i++)
        {
            await first.GetRequiredService<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId);
            await second.GetRequiredService<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId);
        }

        Assert.Equal(1, emulator.Requests.TokenRequests());
        Assert.Equal(42, emulator.Requests.Calls("GET", "/v3/suppliers/{supplierId}/fulfillments", 200));
        Assert.Equal(reads, cache.Reads);
    }

    [Fact]
    public async Task ColdProcessesAtOnce_AskCymbioOnce()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        using var slow = emulator.Faults.OnTokenEndpoint(EmulatorFault.Delay(TimeSpan.FromMilliseconds(300)), times: null);
        var cache = new RecordingCache();
        var protection = new EphemeralDataProtectionProvider();
        var processes = Enumerable.Range(0, 4).Select(_ => Process(emulator, cache, protection)).ToList();
        try
        {
            await Task.WhenAll(processes.SelectMany(p => Enumerable.Range(0, 25).Select(_ => p.GetRequiredService<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId))));
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }

        Assert.Equal(1, emulator.Requests.TokenRequests());
        Assert.Equal(100, emulator.Requests.Calls("GET", "/v3/suppliers/{supplierId}/fulfillments", 200));
    }

    [Fact]
    public async Task WhatTheCacheHolds_NamesNoCredential_AndShowsNoToken()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        var account = emulator.Account(EmulatorAccounts.Supplier);
        var cache = new RecordingCache();
        await using var process = Process(emulator, cache, new EphemeralDataProtectionProvider());

        await process.GetRequiredService<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId);
        var token = (await process.GetRequiredService<ICymbioTokenProvider>().GetTokenAsync(ScopeSet.Parse(CymbioScopes.ReadOrders))).AccessToken;

        var written = cache.Written;
        Assert.NotEmpty(written);
        foreach (var (key, value) in written)
        {
            var text = key + " " + Encoding.UTF8.GetString(value) + " " + Convert.ToBase64String(value);
            foreach (var secret in new[] { account.ClientId, account.ClientSecret, account.Username!, account.Password!, token, CymbioScopes.ReadOrders })
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }

            Assert.Matches("^cymbio:token:[0-9a-f]{64}(:lease)?$", key);
        }
    }

    [Fact]
    public async Task AnotherKeyRing_OrADamagedEntry_IsIgnoredAndReplaced_WithOneWarning()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        var cache = new RecordingCache();
        await using var first = Process(emulator, cache, new EphemeralDataProtectionProvider());
        var logger = new TokenTestLogger();
        await using var foreign = Process(emulator, cache, new EphemeralDataProtectionProvider(), logger: logger);

        await first.GetRequiredService<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId);
        await foreign.GetRequiredService<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId);

        Assert.Equal(2, emulator.Requests.TokenRequests());
        Assert.Equal(1, logger.Count(Unreadable));

        // A damaged entry: the next cold process ignores it, fetches, and leaves a readable entry behind.
        var key = Assert.Single(cache.Written.Select(static w => w.Key).Distinct(), static k => !k.EndsWith(":lease", StringComparison.Ordinal));
        await cache.SetAsync(key, [1, 2, 3, 4], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1) });
        var protection = new EphemeralDataProtectionProvider();
        await using (var third = Process(emulator, cache, protection))
        {
            await third.GetRequiredService<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId);
        }

        await using (var fourth = Process(emulator, cache, protection))
        {
            await fourth.GetRequiredService<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId);
        }

        Assert.Equal(3, emulator.Requests.TokenRequests());
    }

    [Fact]
    public async Task ACacheThatThrows_CostsNoCall_AndWarnsOncePerOutage()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        var cache = new RecordingCache { Failure = () => new InvalidOperationException("It was not possible to connect to the redis server(s).") };
        var logger = new TokenTestLogger();
        await using var first = Process(emulator, cache, new EphemeralDataProtectionProvider(), logger: logger);
        await using var second = Process(emulator, cache, new EphemeralDataProtectionProvider());

        for (var i = 0; i < 5; i++)
        {
            await first.GetRequiredService<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId);
            await second.GetRequiredService<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId);
        }

        Assert.Equal(2, emulator.Requests.TokenRequests()); // per-process tokens
        Assert.Equal(1, logger.Count(Unavailable));
        Assert.DoesNotContain(logger.Records, r => r.Level >= LogLevel.Error);

        cache.Failure = null;
        await first.GetRequiredService<ICymbioTokenProvider>().GetTokenAsync(ScopeSet.Parse(CymbioScopes.ReadInventory));
        Assert.Equal(1, logger.Count(Recovered));
    }

    [Fact]
    public async Task AHungCache_HoldsACallerNoLongerThanTheOperationTimeout()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        var cache = new RecordingCache { Hang = true };
        var logger = new TokenTestLogger();
        await using var process = Process(emulator, cache, new EphemeralDataProtectionProvider(), o => o.OperationTimeout = TimeSpan.FromMilliseconds(200), logger);

        var started = DateTime.UtcNow;
        await process.GetRequiredService<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId);
        var took = DateTime.UtcNow - started;

        Assert.Equal(1, emulator.Requests.TokenRequests());
        Assert.InRange(took, TimeSpan.Zero, TimeSpan.FromSeconds(3)); // read + lease read (200 ms each), the token, the store (200 ms)
        Assert.Equal(1, logger.Count(Unavailable));
    }

    [Fact]
    public async Task ATokenRejectedWith401_LeavesTheCache_SoNoOtherProcessTakesIt()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        var cache = new RecordingCache();
        var protection = new EphemeralDataProtectionProvider();
        await using var first = Process(emulator, cache, protection);
        await first.GetRequiredService<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId);
        var rejected = (await first.GetRequiredService<ICymbioTokenProvider>().GetTokenAsync(AllGrants)).AccessToken;
        var key = Assert.Single(cache.Written.Select(static w => w.Key).Distinct(), static k => !k.EndsWith(":lease", StringComparison.Ordinal));

        // Cymbio revokes the token and its token endpoint is down: the 401 cannot be answered with a new token, and
        // the rejected one must not stay in the shared cache for the next process to send.
        emulator.Tokens.RevokeAll();
        using (emulator.Faults.OnTokenEndpoint(EmulatorFault.Status(503), times: null))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => first.GetRequiredService<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId));
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
            while (await cache.GetAsync(key) is not null && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            Assert.Null(await cache.GetAsync(key));
        }

        await using var later = Process(emulator, cache, protection);
        await later.GetRequiredService<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId);

        Assert.NotEqual(rejected, (await later.GetRequiredService<ICymbioTokenProvider>().GetTokenAsync(AllGrants)).AccessToken);
        Assert.Equal(1, emulator.Requests.Calls("GET", "/v3/suppliers/{supplierId}/fulfillments", 401));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(200)]
    public async Task AnAdoptedToken_KeepsItsOwnLifetime_CountedFromWhenItWasRequested(int ageSeconds)
    {
        // Another process stored a 300 s token requested ageSeconds ago: this one serves it until 270 s of its life
        // (the 10 % margin) and renews it at 80 % ± 3 % of its life — not 300 s from now, nor by the cache's clock.
        await using var emulator = await CymbioEmulator.StartAsync();
        var cache = new RecordingCache();
        var protection = new EphemeralDataProtectionProvider();
        await using var process = Process(emulator, cache, protection);
        var stored = await StoreAsync(process, cache, protection, "stored-elsewhere-" + ageSeconds, ageSeconds);

        var token = await process.GetRequiredService<ICymbioTokenProvider>().GetTokenAsync(AllGrants);
        var now = TimeProvider.System.GetTimestamp();
        var wallNow = DateTimeOffset.UtcNow;

        // Seconds into the stored token's life (from when it was requested) of a timestamp of this process.
        double SecondsIntoItsLife(long timestamp) => ((wallNow - stored.RequestedAt).TotalSeconds) + ((timestamp - now) / (double)TimeProvider.System.TimestampFrequency);

        Assert.Equal(0, emulator.Requests.TokenRequests());
        Assert.Equal(stored.AccessToken, token.AccessToken);
        Assert.Equal(TimeSpan.FromSeconds(300), token.Lifetime);
        Assert.InRange(SecondsIntoItsLife(token.ExpiresTimestamp), 270 - 0.5, 270 + 0.5);
        Assert.InRange(SecondsIntoItsLife(token.RefreshAtTimestamp), (0.77 * 300) - 0.5, (0.83 * 300) + 0.5);
    }

    [Fact]
    public async Task ATokenDueForRenewal_IsNotAdopted_ButRenewedFromCymbio()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        var cache = new RecordingCache();
        var protection = new EphemeralDataProtectionProvider();
        await using var process = Process(emulator, cache, protection);
        var stale = await StoreAsync(process, cache, protection, "due-for-renewal", ageSeconds: 240); // past 77 % of 300 s

        var token = await process.GetRequiredService<ICymbioTokenProvider>().GetTokenAsync(AllGrants);

        Assert.NotEqual(stale.AccessToken, token.AccessToken);
        Assert.Equal(1, emulator.Requests.TokenRequests());
    }

    [Fact]
    public void WithoutADistributedCacheOrDataProtection_ResolutionSaysWhatToRegister()
    {
        var services = new ServiceCollection();
        services.AddCymbio(o =>
        {
            o.ClientId = "c";
            o.ClientSecret = "s";
            o.Grants.Add(CymbioScopes.ReadOrders);
        }).AddDistributedTokenCache();
        using var provider = services.BuildServiceProvider();

        var thrown = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ICymbioTokenProvider>());
        Assert.Contains("AddStackExchangeRedisCache", thrown.Message, StringComparison.Ordinal);

        services.AddSingleton<IDistributedCache>(new RecordingCache());
        using var second = services.BuildServiceProvider();
        thrown = Assert.Throws<InvalidOperationException>(() => second.GetRequiredService<ICymbioTokenProvider>());
        Assert.Contains("AddDataProtection", thrown.Message, StringComparison.Ordinal);
    }

    /// <summary>Stores a 300 s token for <see cref="AllGrants"/> as another process of the fleet would have, requested <paramref name="ageSeconds"/> ago.</summary>
    private static async Task<SharedToken> StoreAsync(ServiceProvider process, IDistributedCache cache, IDataProtectionProvider protection, string accessToken, int ageSeconds)
    {
        var options = process.GetRequiredService<IOptions<CymbioClientOptions>>().Value;
        var key = SharedToken.Key(new CymbioDistributedTokenCacheOptions().KeyPrefix, options, AllGrants);
        var token = new SharedToken(accessToken, AllGrants, TimeSpan.FromSeconds(300), DateTimeOffset.UtcNow.AddSeconds(-ageSeconds));
        var protector = protection.CreateProtector("Cymbio.Client.DistributedTokenCache", "v1");
        await cache.SetAsync(key, token.Protect(protector, key), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5) });
        return token;
    }

    private static ServiceProvider Process(
        CymbioEmulator emulator,
        IDistributedCache cache,
        IDataProtectionProvider protection,
        Action<CymbioDistributedTokenCacheOptions>? configure = null,
        TokenTestLogger? logger = null) =>
        CacheProcess.Start(emulator, services => services.AddSingleton(cache), protection, [CymbioScopes.ReadOrders, CymbioScopes.ReadInventory], configure, logger);

    /// <summary>An in-memory distributed cache that records reads and writes, and can throw or hang on demand.</summary>
    private sealed class RecordingCache : IDistributedCache
    {
        private readonly MemoryDistributedCache _inner = new(Options.Create(new MemoryDistributedCacheOptions()));
        private readonly ConcurrentQueue<(string Key, byte[] Value)> _written = new();
        private int _reads;

        public Func<Exception>? Failure { get; set; }

        public bool Hang { get; set; }

        public int Reads => Volatile.Read(ref _reads);

        public IReadOnlyList<(string Key, byte[] Value)> Written => [.. _written];

        public byte[]? Get(string key) => throw new NotSupportedException("The token cache reads asynchronously.");

        public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
        {
            Interlocked.Increment(ref _reads);
            await Trouble(token);
            return await _inner.GetAsync(key, token);
        }

        public void Refresh(string key) => throw new NotSupportedException();

        public Task RefreshAsync(string key, CancellationToken token = default) => throw new NotSupportedException();

        public void Remove(string key) => throw new NotSupportedException();

        public async Task RemoveAsync(string key, CancellationToken token = default)
        {
            await Trouble(token);
            await _inner.RemoveAsync(key, token);
        }

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw new NotSupportedException();

        public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            await Trouble(token);
            _written.Enqueue((key, value));
            await _inner.SetAsync(key, value, options, token);
        }

        private async Task Trouble(CancellationToken token)
        {
            if (Failure is { } failure)
            {
                throw failure();
            }

            if (Hang)
            {
                // A hung connection that ignores cancellation, as a stuck client can.
                await Task.Delay(Timeout.Infinite, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None).ContinueWith(static _ => { }, TaskScheduler.Default);
            }

            await Task.Yield();
        }
    }
}
