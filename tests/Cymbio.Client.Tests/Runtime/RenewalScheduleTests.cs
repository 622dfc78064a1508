using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Cymbio.Client.Tests.Infrastructure;
using Cymbio.Client.Tests.Runtime.Harness;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cymbio.Client.Tests.Runtime;

/// <summary>
/// docs/reliability.md B2, "Renewal that outlasts an outage": a failed background renewal is retried at shrinking
/// intervals until the token's usable end (<see cref="CymbioTokenProvider.RenewalPause"/>), so that an outage at
/// renewal time costs no caller a wait while a background attempt is still possible.
/// </summary>
[Collection(TokenReliabilityCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class RenewalScheduleTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);
    private static readonly ScriptedResponse Unavailable = ScriptedResponse.Json(503, """{"error":"temporarily_unavailable"}""");

    [Fact]
    public void B2_RenewalPause_HalvesTheUsableTimeLeft_BetweenTheFloorAndTheRetryDelay()
    {
        var options = new CymbioTokenOptions();
        var middle = new FixedRandom(0.5);

        // The nominal schedule of a 300 s token renewed at 240 s whose attempts all fail at once (usable end 270 s).
        var usableEnd = TimeSpan.FromSeconds(300 * (1 - options.ExpiryMargin));
        var starts = new List<TimeSpan> { TimeSpan.FromSeconds(240) };
        while (true)
        {
            var next = starts[^1] + CymbioTokenProvider.RenewalPause(TimeSpan.Zero, usableEnd - starts[^1], options, middle);
            if (next >= usableEnd)
            {
                break;
            }

            starts.Add(next);
        }

        Assert.Equal([240, 255, 262.5, 266.25, 268.125, 269.125], starts.Select(s => s.TotalSeconds));

        // Counted from the failure: an attempt that took 7 s of retries leaves 8 s of the 15 s half.
        Assert.Equal(TimeSpan.FromSeconds(8), CymbioTokenProvider.RenewalPause(TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(30), options, middle));

        // Jitter: ±10 % of the half.
        Assert.Equal(TimeSpan.FromSeconds(13.5), CymbioTokenProvider.RenewalPause(TimeSpan.Zero, TimeSpan.FromSeconds(30), options, new FixedRandom(0)));
        Assert.Equal(TimeSpan.FromSeconds(16.5), CymbioTokenProvider.RenewalPause(TimeSpan.Zero, TimeSpan.FromSeconds(30), options, new FixedRandom(1)));

        // The floor (1 s after the failure) and the ceiling (RefreshRetryDelay, 30 s): a one-hour token's window is long.
        Assert.Equal(TimeSpan.FromSeconds(1), CymbioTokenProvider.RenewalPause(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4), options, middle));
        Assert.Equal(options.RefreshRetryDelay, CymbioTokenProvider.RenewalPause(TimeSpan.Zero, TimeSpan.FromSeconds(360), options, middle));

        // A RefreshRetryDelay below the floor is both floor and ceiling.
        options.RefreshRetryDelay = TimeSpan.FromMilliseconds(200);
        Assert.Equal(TimeSpan.FromMilliseconds(200), CymbioTokenProvider.RenewalPause(TimeSpan.Zero, TimeSpan.FromSeconds(30), options, middle));
        Assert.Equal(TimeSpan.FromMilliseconds(200), CymbioTokenProvider.RenewalPause(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4), options, middle));
    }

    [Fact]
    public async Task B2_RenewalOutage_DefaultOptions_ThreeBackgroundAttemptsBeforeTheUsableEnd_NoCallerWaits()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var logger = new TokenTestLogger(time);
        var options = RuntimeHarness.ClientCredentialsOptions(server);
        server.TokenScript = ScriptedCymbioServer.TokenSequence(null, Unavailable);
        using var provider = RuntimeHarness.Provider(options, time, logger);

        var outage = await CallUntilTheUsableEndAsync(server, time, logger, provider);

        // Each attempt made at most MaxRetries + 1 token requests (not one per call) ...
        Assert.True(outage.Starts.Count(s => s < outage.UsableEnd) >= 3, outage.Timeline);
        Assert.True(server.TokenRequestCount - 1 <= outage.Starts.Count * (options.Tokens.MaxRetries + 1), outage.Timeline);

        // ... and each attempt started on the schedule: halfway (±10 %) from the previous start to the usable end, at
        // least 1 s after the previous failure; the last one failed too late for another before the usable end.
        outage.AssertOnSchedule(options.Tokens);
    }

    [Fact]
    public async Task B2_RenewalOutage_OneRequestPerAttempt_AttemptsCloseInOnTheUsableEnd_AtTheirScheduledTimes()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var logger = new TokenTestLogger(time);
        var options = RuntimeHarness.ClientCredentialsOptions(server);
        options.Tokens.MaxRetries = 0;
        options.Tokens.RefreshJitter = 0;
        server.TokenScript = ScriptedCymbioServer.TokenSequence(null, Unavailable);
        using var provider = RuntimeHarness.Provider(options, time, logger);

        var outage = await CallUntilTheUsableEndAsync(server, time, logger, provider);

        // Renewal at exactly 240 s; each attempt fails at once, so the attempts come at about 240, 255, 262.5, 266.25,
        // 268.1 and 269.1 s (±10 % of each halving, and the first call at or after each time).
        Assert.Equal(TimeSpan.FromSeconds(240), outage.Starts[0]);
        Assert.InRange(outage.Starts[1], TimeSpan.FromSeconds(253.5), TimeSpan.FromSeconds(256.5) + Step);
        Assert.True(outage.Starts.Count >= 5, outage.Timeline);
        Assert.Equal(outage.Starts.Count, server.TokenRequestCount - 1);
        outage.AssertOnSchedule(options.Tokens);
    }

    [Fact]
    public async Task B2_RenewalOutageOutlastsTheUsableEnd_CallersThenWaitForAForegroundFetch_AndFailClosed_UntilRecovery()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var logger = new TokenTestLogger(time);
        var options = RuntimeHarness.ClientCredentialsOptions(server);
        var down = true;
        server.TokenScript = (_, context) => Task.FromResult(context.RequestNumber > 1 && down ? Unavailable : context.Default());
        using var provider = RuntimeHarness.Provider(options, time, logger);
        var outage = await CallUntilTheUsableEndAsync(server, time, logger, provider);
        var t1 = outage.Token;

        // From the usable end to the token's real expiry (300 s) the old token is not used: a caller waits for the
        // attempt in flight or a foreground fetch (with the usual retries), and then fails with the endpoint's error.
        foreach (var age in new[] { outage.UsableEnd, TimeSpan.FromSeconds(285) })
        {
            RuntimeHarness.AdvanceToTimestamp(time, t1.AcquiredTimestamp + (long)(age.TotalSeconds * time.TimestampFrequency));
            var call = provider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask();
            Assert.False(call.IsCompleted, $"A call at {age.TotalSeconds} s, past the usable end, did not wait for a token request.");
            await RuntimeHarness.AdvanceUntilAsync(time, () => call.IsCompleted, Step, options.Tokens.TotalTimeout, "the foreground fetch to give up");
            var failure = await Assert.ThrowsAsync<TokenEndpointException>(() => call);
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        }

        // The endpoint recovers: the next call fetches a new token in the foreground.
        down = false;
        var requests = server.TokenRequestCount;
        var renewed = await provider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask().Bounded();
        Assert.NotEqual(t1.AccessToken, renewed.AccessToken);
        Assert.Equal(requests + 1, server.TokenRequestCount);
    }

    [Fact]
    public async Task B2_RenewalThrottled_RetryAfterIsHonoured_ThenTheScheduleResumes_RenewedBeforeTheUsableEnd()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var clock = new ServerClock(time);
        var logger = new TokenTestLogger(time);
        var options = RuntimeHarness.ClientCredentialsOptions(server);
        options.Tokens.MaxRetries = 0;
        options.Tokens.RefreshJitter = 0;
        var retryAfter = TimeSpan.FromSeconds(20);
        server.TokenScript = clock.Timed(ScriptedCymbioServer.TokenSequence(null, Throttled(retryAfter), Unavailable, null));
        using var provider = RuntimeHarness.Provider(options, time, logger);

        var outage = await CallUntilTheUsableEndAsync(server, time, logger, provider);

        // The schedule alone would have tried again at 253.5–256.5 s; Retry-After moved the attempt to exactly 260 s
        // (240 + 20), and no later. The schedule then resumed from 260 s: the next attempt halfway to 270 s renewed.
        var acquired = clock.TokenRequestAt(1);
        Assert.Equal(4, server.TokenRequestCount);
        Assert.Equal([TimeSpan.FromSeconds(240), TimeSpan.FromSeconds(260)], outage.Starts.Take(2));
        Assert.Equal(TimeSpan.FromSeconds(260), clock.TokenRequestAt(3) - acquired);
        Assert.InRange(outage.Starts[2], TimeSpan.FromSeconds(264.5), TimeSpan.FromSeconds(265.5) + Step);
        Assert.Equal(outage.Starts[2], clock.TokenRequestAt(4) - acquired);
        Assert.NotNull(outage.RenewedAt);
        Assert.True(outage.RenewedAt < outage.UsableEnd, outage.Timeline);
    }

    [Fact]
    public async Task B2_RenewalThrottledPastTheUsableEnd_NoTokenRequestBeforeRetryAfter_CallersFailFastUntilIt()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var logger = new TokenTestLogger(time);
        var options = RuntimeHarness.ClientCredentialsOptions(server);
        options.Tokens.RefreshJitter = 0;
        var retryAfter = TimeSpan.FromSeconds(40);
        server.TokenScript = ScriptedCymbioServer.TokenSequence(null, Throttled(retryAfter), null);
        using var provider = RuntimeHarness.Provider(options, time, logger);

        // Default retries: a Retry-After longer than the acquisition's budget is not waited out inside the attempt.
        var outage = await CallUntilTheUsableEndAsync(server, time, logger, provider);
        Assert.Equal([TimeSpan.FromSeconds(240)], outage.Starts);
        Assert.Equal(2, server.TokenRequestCount);

        // 270–280 s: the token is past its usable end and the endpoint asked for no request before 280 s.
        var retryAt = outage.Token.AcquiredTimestamp + (long)((240 + retryAfter.TotalSeconds) * time.TimestampFrequency);
        while (time.GetTimestamp() < retryAt)
        {
            var call = provider.GetTokenAsync(RuntimeHarness.ReadOrders);
            Assert.True(call.IsFaulted, "A caller inside the Retry-After window waited instead of failing fast.");
            var throttled = await Assert.ThrowsAsync<TokenThrottledException>(() => call.AsTask());
            Assert.Equal(time.GetElapsedTime(time.GetTimestamp(), retryAt), throttled.RetryAfter);
            time.Advance(Step);
        }

        Assert.Equal(2, server.TokenRequestCount);
        var renewed = await provider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask().Bounded();
        Assert.NotEqual(outage.Token.AccessToken, renewed.AccessToken);
        Assert.Equal(3, server.TokenRequestCount);
    }

    /// <summary>
    /// Takes a token, then calls every <see cref="Step"/> from its renewal time to its usable end (or its renewal),
    /// asserting that each call returns the current token at once, and records when each background attempt started
    /// (the call that started it) and gave up (its log record), as ages of the token.
    /// </summary>
    private static async Task<Outage> CallUntilTheUsableEndAsync(ScriptedCymbioServer server, FakeTimeProvider time, TokenTestLogger logger, CymbioTokenProvider provider)
    {
        var t1 = await provider.GetTokenAsync(RuntimeHarness.ReadOrders);
        var acquiredAt = time.GetUtcNow();
        TimeSpan Age() => time.GetElapsedTime(t1.AcquiredTimestamp, time.GetTimestamp());
        var starts = new List<TimeSpan>();
        TimeSpan? renewedAt = null;
        RuntimeHarness.AdvanceToTimestamp(time, t1.RefreshAtTimestamp);
        while (time.GetTimestamp() < t1.ExpiresTimestamp && renewedAt is null)
        {
            var requesting = provider.IsRequesting(RuntimeHarness.ReadOrders);
            var requests = server.TokenRequestCount;
            var call = provider.GetTokenAsync(RuntimeHarness.ReadOrders);
            Assert.True(call.IsCompletedSuccessfully, $"A call at {Age().TotalSeconds} s waited, before the usable end.");
            var token = await call;
            if (!ReferenceEquals(token, t1))
            {
                renewedAt = Age();
                break;
            }

            // A call that found no attempt in flight and left one (or a token request already answered) started one.
            if (!requesting && (provider.IsRequesting(RuntimeHarness.ReadOrders) || server.TokenRequestCount > requests))
            {
                starts.Add(Age());
                await RuntimeHarness.WaitUntilAsync(() => server.TokenRequestCount > requests, "the attempt's first token request");
            }

            // Real time for an attempt in flight (its retries wait on the fake clock) to progress before the clock moves.
            if (provider.IsRequesting(RuntimeHarness.ReadOrders))
            {
                await RuntimeHarness.SettleAsync(() => false);
            }

            time.Advance(Step);
        }

        var failures = logger.Records.Where(r => r.EventId == TokenTestLogger.BackgroundRefreshFailed).Select(r => r.At!.Value - acquiredAt).ToList();
        return new Outage(t1, time.GetElapsedTime(t1.AcquiredTimestamp, t1.ExpiresTimestamp), starts, failures, renewedAt);
    }

    private static ScriptedResponse Throttled(TimeSpan retryAfter) =>
        ScriptedResponse.Json(429, """{"error":"temporarily_unavailable"}""").WithHeader("Retry-After", retryAfter.TotalSeconds.ToString(CultureInfo.InvariantCulture));

    /// <summary>What the callers saw of a renewal outage; times are ages of <paramref name="Token"/>.</summary>
    private sealed record Outage(CymbioToken Token, TimeSpan UsableEnd, List<TimeSpan> Starts, List<TimeSpan> Failures, TimeSpan? RenewedAt)
    {
        public string Timeline =>
            $"attempts started at {string.Join(", ", Starts.Select(s => s.TotalSeconds))} s; gave up at {string.Join(", ", Failures.Select(f => f.TotalSeconds))} s; usable end {UsableEnd.TotalSeconds} s";

        /// <summary>
        /// Each attempt after the first started within the schedule's bounds (allowing one step for the calls' spacing),
        /// and after the last failure no attempt was due before the usable end.
        /// </summary>
        public void AssertOnSchedule(CymbioTokenOptions options)
        {
            Assert.True(Failures.Count >= Starts.Count - 1, Timeline);
            for (var k = 0; k < Failures.Count; k++)
            {
                var (earliest, latest) = Due(Starts[k], Failures[k], options);
                if (k + 1 < Starts.Count)
                {
                    Assert.True(Starts[k + 1] >= earliest - Step && Starts[k + 1] <= latest + Step, $"Attempt {k + 2} not in [{earliest.TotalSeconds}, {latest.TotalSeconds}] s: {Timeline}");
                }
                else if (RenewedAt is null)
                {
                    Assert.True(earliest >= UsableEnd - Step, $"No attempt after the one that gave up at {Failures[k].TotalSeconds} s, though one was due from {earliest.TotalSeconds} s: {Timeline}");
                }
            }
        }

        private (TimeSpan Earliest, TimeSpan Latest) Due(TimeSpan start, TimeSpan failure, CymbioTokenOptions options)
        {
            var floor = failure + CymbioTokenProvider.MinimumRenewalPause;
            var ceiling = failure + options.RefreshRetryDelay;
            var left = UsableEnd - start;
            TimeSpan Bound(double jitter) => Max(floor, Min(ceiling, start + (left * 0.5 * (1 + jitter))));
            return (Bound(-CymbioTokenProvider.RenewalPauseJitter), Bound(CymbioTokenProvider.RenewalPauseJitter));
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    }

    /// <summary>A random source that always draws the same value (for the schedule's exact times).</summary>
    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }
}
