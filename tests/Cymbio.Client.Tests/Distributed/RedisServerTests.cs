using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Cymbio.Tests.Shared;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Options;
using Xunit;

namespace Cymbio.Client.Tests.Distributed;

/// <summary>
/// The <see cref="RedisServer"/> fixture, proven with the real client library the distributed token cache uses
/// (<see cref="RedisCache"/> on StackExchange.Redis): a real server, isolated per fixture, and its failure modes.
/// </summary>
public sealed class RedisServerTests
{
    private static readonly byte[] Value = [1, 2, 3, 42];
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task A_RedisCache_round_trips_a_value_through_the_server()
    {
        await using var server = await RedisServer.StartAsync();
        using var cache = CacheFor(server);

        await cache.SetAsync("round-trip", Value);

        Assert.Equal(Value, await cache.GetAsync("round-trip"));
        Assert.Null(await cache.GetAsync("never-set"));
    }

    [Fact]
    public async Task Each_fixture_gets_its_own_loopback_port()
    {
        await using var first = await RedisServer.StartAsync();
        await using var second = await RedisServer.StartAsync();

        Assert.NotEqual(first.Port, second.Port);
        Assert.Equal("127.0.0.1:" + first.Port, first.ConnectionString);
        using var firstCache = CacheFor(first);
        using var secondCache = CacheFor(second);
        await firstCache.SetAsync("key", Value);
        Assert.Null(await secondCache.GetAsync("key"));
    }

    [Fact]
    public async Task FlushAllAsync_empties_the_server()
    {
        await using var server = await RedisServer.StartAsync();
        using var cache = CacheFor(server);
        await cache.SetAsync("flushed", Value);
        Assert.NotNull(await cache.GetAsync("flushed"));

        await server.FlushAllAsync();

        Assert.Null(await cache.GetAsync("flushed"));
    }

    [Fact]
    public async Task A_paused_server_answers_nothing_and_answers_again_once_resumed()
    {
        await using var server = await RedisServer.StartAsync();
        using var cache = CacheFor(server);
        await cache.SetAsync("paused", Value); // connected before the pause

        server.Pause();
        try
        {
            // Within 300 ms the read has not succeeded: it is still waiting, or it failed (timed out, cancelled).
            await Assert.ThrowsAnyAsync<Exception>(() => cache.GetAsync("paused").WaitAsync(TimeSpan.FromMilliseconds(300)));
        }
        finally
        {
            server.Resume();
        }

        Assert.Equal(Value, await EventuallyAsync(() => cache.GetAsync("paused")));
    }

    [Fact]
    public async Task A_stopped_server_fails_reads_and_a_restarted_one_on_the_same_port_serves_again()
    {
        await using var server = await RedisServer.StartAsync();
        using var cache = CacheFor(server);
        await cache.SetAsync("stopped", Value);
        var port = server.Port;

        await server.StopAsync();

        // Refused connection: the client fails the read (no connection, or its 1 s timeout), not within Bound at worst.
        await Assert.ThrowsAnyAsync<Exception>(() => cache.GetAsync("stopped").WaitAsync(Bound));

        await server.RestartAsync();

        Assert.Equal(port, server.Port);
        // No persistence: the restarted server is empty, and a write then a read go through once the client reconnects.
        var served = await EventuallyAsync(async () =>
        {
            await cache.SetAsync("restarted", Value);
            return await cache.GetAsync("restarted");
        });
        Assert.Equal(Value, served);
        Assert.Null(await cache.GetAsync("stopped"));
    }

    private static RedisCache CacheFor(RedisServer server) => new(Options.Create(new RedisCacheOptions
    {
        Configuration = server.ConnectionString + ",connectTimeout=1000,syncTimeout=1000,abortConnect=false",
    }));

    /// <summary>
    /// Calls <paramref name="read"/> until it returns a value (the client may need a moment to reconnect), each call
    /// bounded to a second and the whole to <see cref="Bound"/>; fails with the last exception.
    /// </summary>
    private static async Task<byte[]> EventuallyAsync(Func<Task<byte[]?>> read)
    {
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (clock.Elapsed < Bound)
        {
            try
            {
                if (await read().WaitAsync(TimeSpan.FromSeconds(1)) is { } value)
                {
                    return value;
                }
            }
            catch (Exception e)
            {
                last = e;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Redis did not serve the read within {Bound.TotalSeconds} s.", last);
    }
}
