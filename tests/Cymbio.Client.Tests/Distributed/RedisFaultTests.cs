using System;
using System.Collections.Generic;
using System.Linq;
using System.Diagnostics;
using System.Threading.Tasks;
using Cymbio.Client.Tests.Apis;
using Cymbio.Client.Tests.Runtime.Harness;
using Cymbio.Emulator;
using Cymbio.Tests.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Xunit;

namespace Cymbio.Client.Tests.Distributed;

/// <summary>
/// The distributed token cache on a real <c>redis-server</c> (StackExchange.Redis through
/// <c>AddStackExchangeRedisCache</c>) that goes down, hangs or is flushed (RELIABILITY A7): calls never fail and never
/// wait much past the operation timeout, each process warns once per outage, and sharing resumes when Redis does.
/// </summary>
[Collection(TokenReliabilityCollection.Name)]
public sealed class RedisFaultTests
{
    private const int Unavailable = 40;
    private const int Recovered = 41;
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task RedisDown_CallsSucceedWithPerProcessTokens_OneWarning_AndSharingResumesWhenItIsBack()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        var protection = new EphemeralDataProtectionProvider();
        await redis.StopAsync();
        var logger = new TokenTestLogger();
        await using var first = Process(emulator, redis, protection, logger);
        await using var second = Process(emulator, redis, protection);

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            await first.GetRequiredService<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId);
            await second.GetRequiredService<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId);
        }

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Equal(2, emulator.Requests.TokenRequests()); // one per process: nothing shared while Redis is down
        Assert.Equal(1, logger.Count(Unavailable));

        await redis.RestartAsync();

        // Each scope set not asked for yet goes past the in-process cache to the distributed one: once Redis answers
        // again (the test's Redis client retries its connection every 250 ms), the process says so and stores the
        // token it fetched. Single scopes, then pairs, give enough fresh scope sets for a slow reconnect on a loaded
        // machine; the deadline, not the number of sets, bounds the wait.
        ScopeSet? shared = null;
        var deadline = Stopwatch.StartNew();
        foreach (var scopes in FreshScopeSets())
        {
            await first.GetRequiredService<ICymbioTokenProvider>().GetTokenAsync(scopes);
            if (logger.Count(Recovered) == 1)
            {
                shared = scopes;
                break;
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.NotNull(shared);
        var requests = emulator.Requests.TokenRequests();
        await using var third = Process(emulator, redis, protection);
        await third.GetRequiredService<ICymbioTokenProvider>().GetTokenAsync(shared);
        Assert.Equal(requests, emulator.Requests.TokenRequests()); // taken from Redis again
    }

    [Fact]
    public async Task RedisHung_ACallerWaitsAboutTheOperationTimeout_NotTheConnectionsTimeout()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        var protection = new EphemeralDataProtectionProvider();
        await using var warm = Process(emulator, redis, protection);
        await warm.GetRequiredService<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId);

        redis.Pause();
        try
        {
            var logger = new TokenTestLogger();
            await using var cold = Process(emulator, redis, protection, logger);
            var watch = Stopwatch.StartNew();
            await cold.GetRequiredService<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId);

            // Read, lease read and store each give up after the operation timeout (300 ms); left to itself, the Redis
            // client would wait its own 15 s timeouts. The bound leaves room for a loaded CI machine.
            Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
            Assert.Equal(2, emulator.Requests.TokenRequests());
            Assert.Equal(1, logger.Count(Unavailable));
        }
        finally
        {
            redis.Resume();
        }
    }

    [Fact]
    public async Task RedisFlushed_TheNextProcessFetchesAndStores_AndTheOneAfterTakesIt()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        var protection = new EphemeralDataProtectionProvider();
        await using var first = Process(emulator, redis, protection);
        await first.GetRequiredService<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId);
        await using var second = Process(emulator, redis, protection);
        await second.GetRequiredService<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId);
        Assert.Equal(1, emulator.Requests.TokenRequests());

        await redis.FlushAllAsync();
        await using var third = Process(emulator, redis, protection);
        await third.GetRequiredService<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId);
        await using var fourth = Process(emulator, redis, protection);
        await fourth.GetRequiredService<ISmokeApi>().ListAsync(EmulatorAccounts.SupplierId);

        Assert.Equal(2, emulator.Requests.TokenRequests());
        Assert.Equal(4, emulator.Requests.Calls("GET", "/v3/suppliers/{supplierId}/fulfillments", 200));
    }

    private static IEnumerable<ScopeSet> FreshScopeSets()
    {
        var all = CymbioScopes.All.Where(s => s != CymbioScopes.ReadOrders).ToArray();
        foreach (var scope in all)
        {
            yield return ScopeSet.Parse(scope);
        }

        for (var i = 0; i < all.Length; i++)
        {
            for (var j = i + 1; j < all.Length; j++)
            {
                yield return ScopeSet.Parse(all[i] + " " + all[j]);
            }
        }
    }

    private static ServiceProvider Process(CymbioEmulator emulator, RedisServer redis, IDataProtectionProvider protection, TokenTestLogger? logger = null) =>
        CacheProcess.Start(
            emulator,
            services => services.AddStackExchangeRedisCache(o =>
            {
                // The Redis client's own timeouts are long, so the operation timeout is what bounds a caller; its
                // reconnection is quick, so a restarted Redis is found again within the test's patience (by default
                // the retry back-off grows from half the connect timeout).
                o.ConfigurationOptions = ConfigurationOptions.Parse(redis.ConnectionString + ",abortConnect=false,connectTimeout=15000,syncTimeout=15000,asyncTimeout=15000,connectRetry=0");
                o.ConfigurationOptions.ReconnectRetryPolicy = new LinearRetry(250);
            }),
            protection,
            [CymbioScopes.ReadOrders],
            o => o.OperationTimeout = OperationTimeout,
            logger);
}
