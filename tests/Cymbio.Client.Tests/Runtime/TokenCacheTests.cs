using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cymbio.Client.Tests.Apis;
using Cymbio.Client.Tests.Infrastructure;
using Cymbio.Client.Tests.Runtime.Harness;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cymbio.Client.Tests.Runtime;

/// <summary>docs/reliability.md section A: token cache and concurrency (A1–A6; A7 is not in scope here).</summary>
[Collection(TokenReliabilityCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class TokenCacheTests
{
    [Fact]
    public async Task A1_ColdCacheStampede_OneTokenRequest_AllCallsCarryTheSameBearer()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        using var rig = new TokenApiRig(server, RuntimeHarness.ClientCredentialsOptions(server), time);

        Task[] calls;
        using (server.HoldTokenResponses())
        {
            calls = Enumerable.Range(0, 1000).Select(_ => Task.Run(() => rig.Api.ReadOrdersAsync())).ToArray();
            await rig.Counting.WaitForCallsAsync(1000);
            await server.TokenGate.WaitForWaitingAsync(1);
            Assert.Equal(1, server.TokenRequestCount);
        }

        await Task.WhenAll(calls).Bounded();

        Assert.Equal(1, server.TokenRequestCount);
        Assert.Equal(1000, server.ApiRequestCount);
        var bearer = Assert.Single(server.ApiRequests.Select(r => r.BearerToken).Distinct());
        Assert.NotNull(bearer);
        Assert.Equal(("client_credentials", "cid", "read:orders", 1), ScriptedCymbioServer.ParseMinted(bearer));

        // Second pass, inside the lifetime (the fake clock has not moved): TR += 0.
        await Parallel.ForEachAsync(
            Enumerable.Range(0, 5000),
            new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (_, _) => await rig.Api.ReadOrdersAsync());

        Assert.Equal(1, server.TokenRequestCount);
        Assert.Equal(6000, server.ApiRequestCount);
        Assert.All(server.ApiRequests, r => Assert.Equal(bearer, r.BearerToken));
        Assert.Empty(server.ScriptFailures);
    }

    [Fact]
    public async Task A2_ExpiredTokenStampede_OneTokenRequest_NoCallCarriesTheExpiredToken()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        using var rig = new TokenApiRig(server, RuntimeHarness.ClientCredentialsOptions(server), time);

        await rig.Api.ReadOrdersAsync();
        var t1 = rig.Counting.LastToken!;
        Assert.Equal(1, server.TokenRequestCount);

        // Past T1's usable window (lifetime minus the expiry margin), with no call in between (so no background renewal).
        RuntimeHarness.AdvanceToTimestamp(time, t1.ExpiresTimestamp, TimeSpan.FromSeconds(1));

        Task[] calls;
        using (server.HoldTokenResponses())
        {
            calls = Enumerable.Range(0, 1000).Select(_ => Task.Run(() => rig.Api.ReadOrdersAsync())).ToArray();
            await rig.Counting.WaitForCallsAsync(1001);
            await server.TokenGate.WaitForWaitingAsync(1);
            Assert.Equal(2, server.TokenRequestCount);
        }

        await Task.WhenAll(calls).Bounded();

        Assert.Equal(2, server.TokenRequestCount); // TR = 1 for the stampede
        var stampede = server.ApiRequests.Skip(1).ToList();
        Assert.Equal(1000, stampede.Count);
        Assert.DoesNotContain(stampede, r => r.BearerToken == t1.AccessToken);
        var t2 = Assert.Single(stampede.Select(r => r.BearerToken).Distinct());
        Assert.Equal(2, ScriptedCymbioServer.ParseMinted(t2!).N);
    }

    [Fact]
    public async Task A3_IsolationUnderConcurrency_SixTokenRequests_NoTokenCrossesScopeOrCredential()
    {
        const int Seed = 20_260_326;
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var rigs = new[] { "client-a", "client-b" }
            .Select(id => new TokenApiRig(
                server,
                RuntimeHarness.ClientCredentialsOptions(server, id, CymbioScopeStrategy.LeastPrivilege, CymbioScopes.ReadOrders, CymbioScopes.WriteInventory),
                time,
                rigName: id))
            .ToArray();
        try
        {
            var operations = new Func<ITokenReliabilityApi, Task>[]
            {
                api => api.ReadOrdersAsync(),
                api => api.WriteInventoryAsync(),
                api => api.ReadOrdersAndWriteInventoryAsync(),
            };
            var random = new Random(Seed);

            // Gated phase: 20 concurrent callers for each of the 6 (credential, scope set) keys, interleaved at random.
            var gated = Enumerable.Range(0, 120).Select(i => (Rig: i % 2, Op: i / 2 % 3)).OrderBy(_ => random.Next()).ToList();
            Task[] gatedCalls;
            using (server.HoldTokenResponses())
            {
                gatedCalls = gated.Select(c => Task.Run(() => operations[c.Op](rigs[c.Rig].Api))).ToArray();
                await RuntimeHarness.WaitUntilAsync(() => rigs.Sum(r => r.Counting.Calls) >= 120, "120 callers waiting for tokens");
                await server.TokenGate.WaitForWaitingAsync(6);
                await RuntimeHarness.AssertTokenRequestsStayAtAsync(server, 6, "one per (credential, scope set) while the gate holds");
            }

            await Task.WhenAll(gatedCalls).Bounded();
            Assert.Equal(6, server.TokenRequestCount);

            // 10,000 randomized, interleaved calls.
            var mixed = Enumerable.Range(0, 10_000).Select(_ => (Rig: random.Next(2), Op: random.Next(3))).ToList();
            await Parallel.ForEachAsync(
                mixed,
                new ParallelOptions { MaxDegreeOfParallelism = 16 },
                async (c, _) => await operations[c.Op](rigs[c.Rig].Api));

            Assert.Equal(6, server.TokenRequestCount);
            var minted = server.TokenRequests.Select(r => (r.ClientId, r.Scope)).OrderBy(k => k.ClientId).ThenBy(k => k.Scope).ToList();
            Assert.Equal(
                [
                    ("client-a", "read:orders"), ("client-a", "read:orders write:inventory"), ("client-a", "write:inventory"),
                    ("client-b", "read:orders"), ("client-b", "read:orders write:inventory"), ("client-b", "write:inventory"),
                ],
                minted);

            var expectedScope = new Dictionary<string, string>
            {
                ["/reliability/orders"] = "read:orders",
                ["/reliability/inventory"] = "write:inventory",
                ["/reliability/orders-and-inventory"] = "read:orders write:inventory",
            };
            var requests = server.ApiRequests;
            Assert.Equal(10_120, requests.Count);
            var crossed = requests.Where(r =>
            {
                var rig = Assert.Single(r.Header(TokenApiRig.RigHeader));
                var bearer = r.BearerToken;
                if (bearer is null || !ScriptedCymbioServer.IsMinted(bearer))
                {
                    return true;
                }

                var token = ScriptedCymbioServer.ParseMinted(bearer);
                return token.Client != rig || token.Scope != expectedScope[r.Path] || token.Grant != "client_credentials";
            }).ToList();
            Assert.True(crossed.Count == 0, $"{crossed.Count} API requests carried a token minted for another scope or credential (seed {Seed}); first: {crossed.FirstOrDefault()}");
            Assert.Empty(server.ScriptFailures);
        }
        finally
        {
            foreach (var rig in rigs)
            {
                rig.Dispose();
            }
        }
    }

    [Fact]
    public async Task A4_ScopeSetKeyNormalisation_ThreeSpellingsShareOneEntry_CaseIsDistinct()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var logger = new TokenTestLogger();
        using var provider = RuntimeHarness.Provider(RuntimeHarness.ClientCredentialsOptions(server, grants: [CymbioScopes.ReadOrders, CymbioScopes.WriteInventory]), time, logger);

        string[] spellings = ["read:orders write:inventory", "write:inventory read:orders", " read:orders  write:inventory "];
        CymbioToken[] tokens;
        using (server.HoldTokenResponses())
        {
            var pending = spellings.Select(s => Task.Run(() => provider.GetTokenAsync(ScopeSet.Parse(s)).AsTask())).ToArray();
            await server.TokenGate.WaitForWaitingAsync(1);
            await RuntimeHarness.AssertTokenRequestsStayAtAsync(server, 1, "the three spellings are one scope set");
            server.ReleaseTokenResponses();
            tokens = await Task.WhenAll(pending).Bounded();
        }

        foreach (var spelling in spellings)
        {
            Assert.Same(tokens[0], await provider.GetTokenAsync(ScopeSet.Parse(spelling)));
        }

        Assert.Equal(1, server.TokenRequestCount);
        Assert.All(tokens, t => Assert.Equal(tokens[0].AccessToken, t.AccessToken));
        Assert.Equal("read:orders write:inventory", Assert.Single(server.TokenRequests).Scope);

        // Scopes are case-sensitive (RFC 6749 §3.3): "Read:Orders" is another key, and gets its own token.
        var upper = await provider.GetTokenAsync(ScopeSet.Parse("Read:Orders"));
        Assert.Equal(2, server.TokenRequestCount);
        Assert.Equal("Read:Orders", server.TokenRequests[1].Scope);
        Assert.Equal("Read:Orders", ScriptedCymbioServer.ParseMinted(upper.AccessToken).Scope);
        Assert.NotEqual(tokens[0].AccessToken, upper.AccessToken);
        Assert.Same(upper, await provider.GetTokenAsync(ScopeSet.Parse(" Read:Orders ")));
        Assert.Equal(2, server.TokenRequestCount);
    }

    [Fact]
    public async Task A5_FailuresAreSharedThenForgotten_HundredCallersOneTokenRequest_NextCallAsksAgain()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var logger = new TokenTestLogger();
        using var provider = RuntimeHarness.Provider(RuntimeHarness.ClientCredentialsOptions(server), time, logger);
        var counting = new CountingTokenProvider(provider);
        server.TokenScript = ScriptedCymbioServer.TokenSequence(
            ScriptedResponse.OAuthError(400, "invalid_grant", "The credentials are wrong."),
            ScriptedResponse.OAuthError(400, "invalid_grant", "The credentials are wrong."),
            null);

        Task<CymbioToken>[] callers;
        using (server.HoldTokenResponses())
        {
            callers = Enumerable.Range(0, 100).Select(_ => Task.Run(() => counting.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask())).ToArray();
            await counting.WaitForCallsAsync(100);
            await server.TokenGate.WaitForWaitingAsync(1);
            Assert.Equal(1, server.TokenRequestCount);
        }

        var failures = new List<Exception>();
        foreach (var caller in callers)
        {
            failures.Add(await Assert.ThrowsAnyAsync<Exception>(() => caller.Bounded()));
        }

        Assert.Equal(1, server.TokenRequestCount);
        Assert.All(failures, f =>
        {
            var oauth = Assert.IsType<OAuthErrorException>(f);
            Assert.Equal("invalid_grant", oauth.Error);
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, oauth.StatusCode);
        });

        // Forgotten: the next call (no Retry-After) asks again, and a later 200 is used.
        var next = await Assert.ThrowsAsync<OAuthErrorException>(() => provider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask());
        Assert.Equal("invalid_grant", next.Error);
        Assert.Equal(2, server.TokenRequestCount);

        var token = await provider.GetTokenAsync(RuntimeHarness.ReadOrders);
        Assert.Equal(3, server.TokenRequestCount);
        Assert.Equal(("client_credentials", "cid", "read:orders", 1), ScriptedCymbioServer.ParseMinted(token.AccessToken));
        Assert.Same(token, await provider.GetTokenAsync(RuntimeHarness.ReadOrders));
        Assert.Equal(3, server.TokenRequestCount);
    }

    [Fact]
    public Task A6_CancellationIsolation_OwnerCancels_OthersStillGetTheToken_OneTokenRequest() => ColdProviderScenarioAsync(async (server, provider) =>
    {
        Task<CymbioToken> owner;
        Task<CymbioToken>[] others;
        using (server.HoldTokenResponses())
        {
            var ownerCancellation = new CancellationTokenSource();
            owner = provider.GetTokenAsync(RuntimeHarness.ReadOrders, ownerCancellation.Token).AsTask();
            await server.TokenGate.WaitForWaitingAsync(1);
            var othersCancellation = new CancellationTokenSource(); // never canceled
            others = Enumerable.Range(0, 20).Select(_ => provider.GetTokenAsync(RuntimeHarness.ReadOrders, othersCancellation.Token).AsTask()).ToArray();

            var clock = Stopwatch.StartNew();
            ownerCancellation.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => owner.Bounded());
            clock.Stop();
            Assert.True(clock.ElapsedMilliseconds < 100, $"The owner's cancellation took {clock.ElapsedMilliseconds} ms.");
            ownerCancellation.Dispose();
            othersCancellation.Dispose(); // disposing a caller's source must not reach the shared request either

            Assert.All(others, o => Assert.False(o.IsCompleted));
            Assert.Equal(1, server.TokenRequestCount);
        }

        var tokens = await Task.WhenAll(others).Bounded();
        Assert.Single(tokens.Select(t => t.AccessToken).Distinct());
        Assert.Equal(1, server.TokenRequestCount);
        Assert.Equal(RequestOutcome.Responded, await server.TokenRequests[0].Completion.Bounded());
        Assert.Same(tokens[0], await provider.GetTokenAsync(RuntimeHarness.ReadOrders));
    });

    [Fact]
    public Task A6_CancellationIsolation_WaiterCancelsWithin100ms_OwnerAndOthersComplete() => ColdProviderScenarioAsync(async (server, provider) =>
    {
        Task<CymbioToken> owner;
        Task<CymbioToken>[] others;
        using (server.HoldTokenResponses())
        {
            using var ownerCancellation = new CancellationTokenSource(); // never canceled
            owner = provider.GetTokenAsync(RuntimeHarness.ReadOrders, ownerCancellation.Token).AsTask();
            await server.TokenGate.WaitForWaitingAsync(1);

            var waiterCancellation = new CancellationTokenSource();
            var waiter = provider.GetTokenAsync(RuntimeHarness.ReadOrders, waiterCancellation.Token).AsTask();
            others = Enumerable.Range(0, 20).Select(_ => provider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask()).ToArray();

            var clock = Stopwatch.StartNew();
            waiterCancellation.Cancel();
            var canceled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter.Bounded());
            clock.Stop();
            Assert.True(clock.ElapsedMilliseconds < 100, $"The waiter's cancellation took {clock.ElapsedMilliseconds} ms.");
            Assert.Equal(waiterCancellation.Token, canceled.CancellationToken);
            waiterCancellation.Dispose();

            Assert.False(owner.IsCompleted);
            Assert.All(others, o => Assert.False(o.IsCompleted));
            Assert.Equal(1, server.TokenRequestCount);
            server.ReleaseTokenResponses();
            var ownerToken = await owner.Bounded();
            var tokens = await Task.WhenAll(others).Bounded();
            Assert.All(tokens, t => Assert.Same(ownerToken, t));
        }

        Assert.Equal(1, server.TokenRequestCount);
    });

    /// <summary>
    /// Runs <paramref name="scenario"/> against a cold provider (client credentials, fake clock) of a fresh scripted
    /// server and disposes both; then fails if a background task left an <see cref="ObjectDisposedException"/>
    /// unobserved (collected after forcing finalization).
    /// </summary>
    private static async Task ColdProviderScenarioAsync(Func<ScriptedCymbioServer, CymbioTokenProvider, Task> scenario)
    {
        var disposedInBackground = new ConcurrentQueue<Exception>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e) =>
            CollectObjectDisposed(e.Exception, disposedInBackground);
        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            await using var server = await ScriptedCymbioServer.StartAsync();
            var provider = RuntimeHarness.Provider(RuntimeHarness.ClientCredentialsOptions(server), new FakeTimeProvider(), new TokenTestLogger());
            await scenario(server, provider);
            provider.Dispose();
        }
        finally
        {
            FlushUnobservedTaskExceptions();
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }

        Assert.Empty(disposedInBackground);
    }

    private static void CollectObjectDisposed(AggregateException exception, ConcurrentQueue<Exception> sink)
    {
        foreach (var inner in exception.Flatten().InnerExceptions)
        {
            if (inner is ObjectDisposedException)
            {
                sink.Enqueue(inner);
            }
        }
    }

    private static void FlushUnobservedTaskExceptions()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }
}
