using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Cymbio.Client.Tests.Infrastructure;
using Cymbio.Client.Tests.Runtime.Harness;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cymbio.Client.Tests.Runtime;

/// <summary>docs/reliability.md section C: token endpoint failures and throttling (C1–C5).</summary>
[Collection(TokenReliabilityCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class TokenEndpointFaultTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan CoarseStep = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task C1_Transient500Twice_ThenSuccess_ThreeTokenRequests_BackoffOnTheFakeClock()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var clock = new ServerClock(time);
        var logger = new TokenTestLogger();
        var error = ScriptedResponse.Json(500, """{"error":"server_error"}""");
        server.TokenScript = clock.Timed(ScriptedCymbioServer.TokenSequence(error, error, null));
        using var provider = RuntimeHarness.Provider(RuntimeHarness.ClientCredentialsOptions(server), time, logger);

        var call = provider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask();
        await server.WaitForTokenRequestsAsync(1);
        await RuntimeHarness.AssertTokenRequestsStayAtAsync(server, 1, "the backoff waits on the fake clock, not in real time");

        await RuntimeHarness.AdvanceUntilAsync(time, () => server.TokenRequestCount >= 2, Step, TimeSpan.FromSeconds(10), "the first retry");
        await RuntimeHarness.AdvanceUntilAsync(time, () => server.TokenRequestCount >= 3, Step, TimeSpan.FromSeconds(10), "the second retry");
        var token = await call.Bounded();

        Assert.Equal(3, server.TokenRequestCount);
        Assert.Equal(1, ScriptedCymbioServer.ParseMinted(token.AccessToken).N);
        var delays = logger.Records
            .Where(r => r.EventId == TokenTestLogger.TokenRetry)
            .Select(r => TimeSpan.FromMilliseconds(Convert.ToDouble(r.State.Single(kv => kv.Key == "DelayMs").Value, CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(2, delays.Count);
        for (var i = 0; i < 2; i++)
        {
            var gap = clock.TokenRequestAt(i + 2) - clock.TokenRequestAt(i + 1);
            Assert.True(gap > TimeSpan.Zero, $"Retry {i + 1} did not wait on the fake clock.");
            Assert.True(gap >= delays[i] - TimeSpan.FromMilliseconds(1), $"Retry {i + 1} came {gap.TotalMilliseconds} ms (fake) after the failure; the backoff was {delays[i].TotalMilliseconds} ms.");
            Assert.True(gap <= delays[i] + TimeSpan.FromSeconds(1), $"Retry {i + 1} came {gap.TotalMilliseconds} ms (fake) after the failure; the backoff was {delays[i].TotalMilliseconds} ms.");
        }
    }

    [Fact]
    public async Task C1_Transient500MaxPlusOneTimes_TypedTokenEndpointException500_AfterExactlyMaxPlusOneTokenRequests()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var logger = new TokenTestLogger();
        var options = RuntimeHarness.ClientCredentialsOptions(server);
        server.TokenScript = (_, _) => Task.FromResult(ScriptedResponse.Json(500, """{"error":"server_error"}"""));
        using var provider = RuntimeHarness.Provider(options, time, logger);

        var call = provider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask();
        await RuntimeHarness.AdvanceUntilAsync(time, () => call.IsCompleted, CoarseStep, TimeSpan.FromSeconds(30), "the acquisition to give up");

        var failure = await Assert.ThrowsAsync<TokenEndpointException>(() => call);
        Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
        Assert.Equal(options.Tokens.MaxRetries + 1, server.TokenRequestCount);

        // Nothing more is sent while nobody calls, however long the clock runs.
        await RuntimeHarness.StepToAsync(time, time.GetUtcNow() + TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1));
        await RuntimeHarness.AssertTokenRequestsStayAtAsync(server, options.Tokens.MaxRetries + 1, "no retry after giving up");
    }

    [Theory]
    [InlineData(429, "delta")]
    [InlineData(429, "http-date")]
    [InlineData(503, "delta")]
    [InlineData(503, "http-date")]
    public async Task C2_RetryAfterTwoSeconds_NoTokenRequestBeforeIt_ConcurrentCallersSendNone(int status, string form)
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var t0 = time.GetUtcNow();
        var clock = new ServerClock(time);
        var logger = new TokenTestLogger();
        server.TokenScript = clock.Timed((_, context) => Task.FromResult(context.RequestNumber == 1 ? Throttled(status, form, time.GetUtcNow(), 2) : context.Default()));
        using var provider = RuntimeHarness.Provider(RuntimeHarness.ClientCredentialsOptions(server), time, logger);

        var first = provider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask();
        await server.WaitForTokenRequestsAsync(1);
        var concurrent = Enumerable.Range(0, 20).Select(_ => Task.Run(() => provider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask())).ToArray();

        await RuntimeHarness.StepToAsync(time, t0 + TimeSpan.FromSeconds(1.9), TimeSpan.FromMilliseconds(100), () =>
        {
            Assert.Equal(1, server.TokenRequestCount);
            Assert.All(concurrent, c => Assert.True(!c.IsCompleted || c.Exception?.InnerException is TokenThrottledException));
        });
        await RuntimeHarness.AssertTokenRequestsStayAtAsync(server, 1, "Retry-After: 2 has not elapsed");

        await RuntimeHarness.AdvanceUntilAsync(time, () => server.TokenRequestCount >= 2, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), "the retry after Retry-After");
        Assert.True(clock.TokenRequestAt(2) - t0 >= TimeSpan.FromSeconds(2), $"The retry came {(clock.TokenRequestAt(2) - t0).TotalSeconds} s after the throttled answer.");

        var token = await first.Bounded();
        foreach (var caller in concurrent)
        {
            Assert.Same(token, await caller.Bounded());
        }

        Assert.Equal(2, server.TokenRequestCount);
    }

    [Theory]
    [InlineData(429, "delta")]
    [InlineData(503, "http-date")]
    public async Task C2_RetryAfterWithoutRetries_CallersInTheWindowFailFastWithRetryAfter_NoTokenRequest(int status, string form)
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var t0 = time.GetUtcNow();
        var logger = new TokenTestLogger();
        var options = RuntimeHarness.ClientCredentialsOptions(server);
        options.Tokens.MaxRetries = 0;
        server.TokenScript = (_, context) => Task.FromResult(context.RequestNumber == 1 ? Throttled(status, form, time.GetUtcNow(), 2) : context.Default());
        using var provider = RuntimeHarness.Provider(options, time, logger);

        var first = await Assert.ThrowsAsync<TokenThrottledException>(() => provider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask());
        Assert.Equal(TimeSpan.FromSeconds(2), first.RetryAfter);
        Assert.Equal((HttpStatusCode)status, first.StatusCode);

        while (time.GetUtcNow() < t0 + TimeSpan.FromSeconds(2))
        {
            var call = provider.GetTokenAsync(RuntimeHarness.ReadOrders);
            Assert.True(call.IsFaulted, "A caller inside the Retry-After window waited instead of failing fast.");
            var throttled = await Assert.ThrowsAsync<TokenThrottledException>(() => call.AsTask());
            Assert.Equal(t0 + TimeSpan.FromSeconds(2) - time.GetUtcNow(), throttled.RetryAfter);
            time.Advance(TimeSpan.FromMilliseconds(250));
        }

        await RuntimeHarness.AssertTokenRequestsStayAtAsync(server, 1, "callers inside the Retry-After window");
        var token = await provider.GetTokenAsync(RuntimeHarness.ReadOrders);
        Assert.Equal(2, server.TokenRequestCount);
        Assert.Equal(1, ScriptedCymbioServer.ParseMinted(token.AccessToken).N);
    }

    [Fact]
    public async Task C2_RetryAfter7200_IsCappedAtTheConfiguredMaximum()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var t0 = time.GetUtcNow();
        var clock = new ServerClock(time);
        var logger = new TokenTestLogger();
        var options = RuntimeHarness.ClientCredentialsOptions(server);
        options.Tokens.MaxRetryAfter = TimeSpan.FromSeconds(5);
        server.TokenScript = clock.Timed((_, context) => Task.FromResult(context.RequestNumber == 1 ? Throttled(503, "delta", time.GetUtcNow(), 7200) : context.Default()));
        using var provider = RuntimeHarness.Provider(options, time, logger);

        var call = provider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask();
        await server.WaitForTokenRequestsAsync(1);
        await RuntimeHarness.StepToAsync(time, t0 + TimeSpan.FromSeconds(4.9), TimeSpan.FromMilliseconds(100), () => Assert.Equal(1, server.TokenRequestCount));
        await RuntimeHarness.AdvanceUntilAsync(time, () => server.TokenRequestCount >= 2, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), "the retry at the capped Retry-After");
        var retryAfter = clock.TokenRequestAt(2) - t0;
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5.5));
        await call.Bounded();

        // Without retries, the caller is told the capped value.
        server.Reset();
        server.TokenScript = (_, context) => Task.FromResult(Throttled(429, "delta", time.GetUtcNow(), 7200));
        options.Tokens.MaxRetries = 0;
        using var failFast = RuntimeHarness.Provider(options, time, logger);
        var throttled = await Assert.ThrowsAsync<TokenThrottledException>(() => failFast.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask());
        Assert.Equal(TimeSpan.FromSeconds(5), throttled.RetryAfter);
    }

    [Fact]
    public async Task C2_RetryAfter7200_DefaultOptions_NoTokenRequestBeforeTheCappedRetryAfter()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var t0 = time.GetUtcNow();
        var clock = new ServerClock(time);
        var logger = new TokenTestLogger();
        var options = RuntimeHarness.ClientCredentialsOptions(server);
        var cap = options.Tokens.MaxRetryAfter;
        server.TokenScript = clock.Timed((_, context) => Task.FromResult(context.RequestNumber == 1 ? Throttled(503, "delta", time.GetUtcNow(), 7200) : context.Default()));
        using var provider = RuntimeHarness.Provider(options, time, logger);

        // A caller that calls again whenever its call ends, every 500 ms of fake time, until it has a token.
        var outcomes = new List<(TimeSpan At, Exception? Failure)>();
        var call = provider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask();
        await server.WaitForTokenRequestsAsync(1);
        CymbioToken? token = null;
        while (token is null && time.GetUtcNow() - t0 <= cap + TimeSpan.FromSeconds(5))
        {
            if (await RuntimeHarness.SettleAsync(() => call.IsCompleted))
            {
                if (call.IsCompletedSuccessfully)
                {
                    token = await call;
                    outcomes.Add((time.GetUtcNow() - t0, null));
                    break;
                }

                outcomes.Add((time.GetUtcNow() - t0, call.Exception!.InnerException));
                call = provider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask();
            }

            time.Advance(TimeSpan.FromMilliseconds(500));
        }

        var describe = string.Join("; ", outcomes.Select(o => $"+{o.At.TotalSeconds} s: {o.Failure?.GetType().Name ?? "token"} {o.Failure?.Message}"));
        var early = server.TokenRequests.Skip(1).Select((_, i) => clock.TokenRequestAt(i + 2) - t0).Where(at => at < cap).ToList();
        Assert.True(early.Count == 0, $"Retry-After: 7200 (capped at {cap.TotalSeconds} s), yet token requests were sent at +{string.Join(", +", early.Select(e => e.TotalSeconds))} s. Outcomes: {describe}");
        Assert.All(outcomes.Where(o => o.Failure is not null), o =>
        {
            var throttled = Assert.IsType<TokenThrottledException>(o.Failure);
            Assert.InRange(throttled.RetryAfter, TimeSpan.Zero, cap);
        });
        Assert.NotNull(token);
    }

    [Fact]
    public async Task C2_BackgroundRenewalThrottled_RetryAfterLongerThanTotalTimeout_DefaultOptions_NoTokenRequestBeforeItElapses()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var clock = new ServerClock(time);
        var logger = new TokenTestLogger();
        var options = RuntimeHarness.ClientCredentialsOptions(server);
        var retryAfter = TimeSpan.FromSeconds(45); // under MaxRetryAfter (60 s), over TotalTimeout (30 s)
        DateTimeOffset? throttledAt = null;
        server.TokenScript = clock.Timed((_, context) =>
        {
            if (context.RequestNumber != 2)
            {
                return Task.FromResult(context.Default());
            }

            throttledAt = time.GetUtcNow();
            return Task.FromResult(Throttled(429, "delta", time.GetUtcNow(), (int)retryAfter.TotalSeconds));
        });
        using var provider = RuntimeHarness.Provider(options, time, logger);
        var t1 = await provider.GetTokenAsync(RuntimeHarness.ReadOrders);

        // A caller that calls every second (and again at once when a call fails), from T1's renewal time on.
        RuntimeHarness.AdvanceToTimestamp(time, t1.RefreshAtTimestamp);
        var outcomes = new List<string>();
        CymbioToken? renewed = null;
        var lastCall = DateTimeOffset.MinValue;
        Task<CymbioToken>? pending = null;
        while (renewed is null && time.GetUtcNow() < (throttledAt ?? time.GetUtcNow()) + retryAfter + TimeSpan.FromSeconds(10))
        {
            if (pending is null && time.GetUtcNow() - lastCall >= TimeSpan.FromSeconds(1))
            {
                pending = provider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask();
                lastCall = time.GetUtcNow();
            }

            // Real time for the background renewal and the server to keep up with the fake clock.
            if (await RuntimeHarness.SettleAsync(() => pending?.IsCompleted == true))
            {
                if (pending!.IsCompletedSuccessfully)
                {
                    var token = await pending;
                    renewed = token == t1 ? null : token;
                }
                else
                {
                    outcomes.Add($"+{(time.GetUtcNow() - throttledAt!.Value).TotalSeconds} s: {pending.Exception!.InnerException!.GetType().Name}: {pending.Exception.InnerException.Message}");
                }

                pending = null;
            }

            time.Advance(TimeSpan.FromMilliseconds(500));
        }

        Assert.NotNull(throttledAt);
        var early = Enumerable.Range(3, Math.Max(0, server.TokenRequestCount - 2))
            .Select(n => clock.TokenRequestAt(n) - throttledAt!.Value)
            .Where(after => after < retryAfter)
            .ToList();
        Assert.True(
            early.Count == 0,
            $"The renewal was answered 429 with Retry-After: {retryAfter.TotalSeconds}, yet token requests followed it after {string.Join(", ", early.Select(e => e.TotalSeconds + " s"))}. Failures seen by callers: {string.Join("; ", outcomes)}");
        Assert.NotNull(renewed);
    }

    [Fact]
    public async Task C2_BackgroundRenewalThrottled_WithoutRetries_NextRenewalWaitsForRetryAfter_NotJustTheRetryDelay()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var clock = new ServerClock(time);
        var logger = new TokenTestLogger();
        var options = RuntimeHarness.ClientCredentialsOptions(server);
        options.Tokens.MaxRetries = 0;
        options.Tokens.RefreshRetryDelay = TimeSpan.FromSeconds(10);
        var retryAfter = TimeSpan.FromSeconds(20);
        server.TokenScript = clock.Timed((_, context) => Task.FromResult(
            context.RequestNumber == 2 ? Throttled(429, "delta", time.GetUtcNow(), (int)retryAfter.TotalSeconds) : context.Default()));
        using var provider = RuntimeHarness.Provider(options, time, logger);
        var t1 = await provider.GetTokenAsync(RuntimeHarness.ReadOrders);

        RuntimeHarness.AdvanceToTimestamp(time, t1.RefreshAtTimestamp);
        Assert.Same(t1, await provider.GetTokenAsync(RuntimeHarness.ReadOrders));
        await RuntimeHarness.WaitUntilAsync(() => logger.Count(TokenTestLogger.BackgroundRefreshFailed) == 1, "the throttled renewal to fail");
        var throttledAt = clock.TokenRequestAt(2);

        // One call per second until Retry-After has elapsed; T1 stays usable throughout (renewal ≤ 83 % + 20 s < 90 %).
        while (time.GetUtcNow() - throttledAt < retryAfter)
        {
            Assert.True(time.GetTimestamp() < t1.ExpiresTimestamp);
            Assert.Same(t1, await provider.GetTokenAsync(RuntimeHarness.ReadOrders));
            if (await RuntimeHarness.SettleAsync(() => server.TokenRequestCount > 2))
            {
                await RuntimeHarness.WaitUntilAsync(() => clock.HasTokenRequest(3), "the third token request to be timed");
                Assert.Fail($"A renewal was sent {(clock.TokenRequestAt(3) - throttledAt).TotalSeconds} s after a 429 with Retry-After: {retryAfter.TotalSeconds} s (RefreshRetryDelay {options.Tokens.RefreshRetryDelay.TotalSeconds} s).");
            }

            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Same(t1, await provider.GetTokenAsync(RuntimeHarness.ReadOrders));
        await server.WaitForTokenRequestsAsync(3);
    }

    [Theory]
    [InlineData(400, "invalid_grant")]
    [InlineData(400, "invalid_client")]
    [InlineData(400, "unauthorized_client")]
    [InlineData(400, "unsupported_grant_type")]
    [InlineData(400, "invalid_scope")]
    [InlineData(401, "invalid_client")]
    public async Task C3_NonTransientOAuthErrors_NotRetried_TypedOAuthErrorException(int status, string error)
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        server.TokenScript = (_, _) => Task.FromResult(ScriptedResponse.OAuthError(status, error, "Description of " + error + "."));
        using var rig = new TokenApiRig(server, RuntimeHarness.ClientCredentialsOptions(server), time);

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => rig.Api.ReadOrdersAsync());
        var oauth = Assert.IsType<OAuthErrorException>(thrown);
        Assert.Equal(error, oauth.Error);
        Assert.Equal("Description of " + error + ".", oauth.ErrorDescription);
        Assert.Equal((HttpStatusCode)status, oauth.StatusCode);
        Assert.Equal(1, server.TokenRequestCount);
        Assert.Equal(0, server.ApiRequestCount);

        // No retry loop, however long the clock runs.
        await RuntimeHarness.StepToAsync(time, time.GetUtcNow() + TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));
        await RuntimeHarness.AssertTokenRequestsStayAtAsync(server, 1, "an OAuth error is not retried");
        Assert.Equal(0, rig.Logger.Count(TokenTestLogger.TokenRetry));
    }

    public static TheoryData<string> MalformedResponses => new() { "html-502", "empty-500", "truncated-json-200", "no-access-token-200", "mac-token-type-200" };

    [Theory]
    [MemberData(nameof(MalformedResponses))]
    public async Task C4_MalformedResponses_TypedExceptionWithStatusAndShortExcerpt_NothingCached(string shape)
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var logger = new TokenTestLogger();
        var options = RuntimeHarness.ClientCredentialsOptions(server);
        const string Secret = "AT-secret-value-0123456789";
        var (response, status, transient) = shape switch
        {
            "html-502" => (ScriptedResponse.Html(502, "<html><body><h1>502 Bad Gateway</h1>" + new string('x', 5000) + "</body></html>"), HttpStatusCode.BadGateway, true),
            "empty-500" => (ScriptedResponse.Empty(500), HttpStatusCode.InternalServerError, true),
            "truncated-json-200" => (ScriptedResponse.Json(200, "{\"access_token\":\"" + Secret + "\",\"token_type\":\"Bearer\",\"expires_in\":3"), HttpStatusCode.OK, false),
            "no-access-token-200" => (ScriptedResponse.Json(200, """{"token_type":"Bearer","expires_in":300}"""), HttpStatusCode.OK, false),
            "mac-token-type-200" => (ScriptedResponse.Token(Secret, 300, tokenType: "mac"), HttpStatusCode.OK, false),
            _ => throw new ArgumentOutOfRangeException(nameof(shape)),
        };
        server.TokenScript = (_, _) => Task.FromResult(response);
        using var provider = RuntimeHarness.Provider(options, time, logger);

        var call = provider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask();
        await RuntimeHarness.AdvanceUntilAsync(time, () => call.IsCompleted, CoarseStep, TimeSpan.FromSeconds(30), "the acquisition to fail");

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => call);
        Assert.IsNotType<JsonException>(failure);
        Assert.IsNotType<FormatException>(failure);
        var typed = Assert.IsType<TokenEndpointException>(failure);
        Assert.Equal(status, typed.StatusCode);
        Assert.True(typed.BodyExcerpt is null || typed.BodyExcerpt.Length <= 512, $"Excerpt of {typed.BodyExcerpt?.Length} chars.");
        Assert.DoesNotContain(Secret, typed.BodyExcerpt ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, typed.Message, StringComparison.Ordinal);
        if (shape == "html-502")
        {
            Assert.NotNull(typed.BodyExcerpt);
            Assert.StartsWith("<html>", typed.BodyExcerpt, StringComparison.Ordinal);
        }

        var attempts = transient ? options.Tokens.MaxRetries + 1 : 1;
        Assert.Equal(attempts, server.TokenRequestCount);

        // Nothing was cached: the next call asks again, and a good answer is used.
        server.TokenScript = ScriptedCymbioServer.DefaultTokenScript;
        var token = await provider.GetTokenAsync(RuntimeHarness.ReadOrders);
        Assert.Equal(attempts + 1, server.TokenRequestCount);
        Assert.True(ScriptedCymbioServer.IsMinted(token.AccessToken));
    }

    [Theory]
    [InlineData("bearer-lowercase")]
    [InlineData("unknown-extra-members")]
    public async Task C4_AcceptableResponses_LowercaseBearerAndUnknownMembers_AreUsedAndCached(string shape)
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var logger = new TokenTestLogger();
        server.TokenScript = (request, context) =>
        {
            var accessToken = context.Mint(request.GrantType!, request.ClientId!, request.Scope!);
            return Task.FromResult(shape == "bearer-lowercase"
                ? ScriptedResponse.Token(accessToken, 300, request.Scope, tokenType: "bearer")
                : ScriptedResponse.Json(200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"x_unknown\":{\"nested\":[1,2,{\"deep\":null}]},\"issued_token_type\":\"urn:ietf:params:oauth:token-type:access_token\",\"flag\":true,\"n\":1.5e3}"));
        };
        using var provider = RuntimeHarness.Provider(RuntimeHarness.ClientCredentialsOptions(server), time, logger);

        var token = await provider.GetTokenAsync(RuntimeHarness.ReadOrders);
        Assert.Equal(("client_credentials", "cid", "read:orders", 1), ScriptedCymbioServer.ParseMinted(token.AccessToken));
        Assert.Equal(TimeSpan.FromSeconds(300), token.Lifetime);
        Assert.Same(token, await provider.GetTokenAsync(RuntimeHarness.ReadOrders));
        Assert.Equal(1, server.TokenRequestCount);
    }

    [Fact]
    public async Task C5_TokenEndpointHang_AttemptAndTotalTimeoutsOnTheFakeClock_CallerCancellationWithin100ms_WaitersShareTheFailure()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var t0 = time.GetUtcNow();
        var clock = new ServerClock(time);
        var logger = new TokenTestLogger();
        var options = RuntimeHarness.ClientCredentialsOptions(server);
        var attemptTimeout = options.Tokens.AttemptTimeout;
        var totalTimeout = options.Tokens.TotalTimeout;
        server.TokenScript = clock.Timed(ScriptedCymbioServer.HangingTokenScript);
        using var provider = RuntimeHarness.Provider(options, time, logger);

        var owner = provider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask();
        await server.WaitForTokenRequestsAsync(1);
        var waiters = Enumerable.Range(0, 10).Select(_ => provider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask()).ToArray();

        // A caller's own cancellation is honoured within 100 ms, while the request goes on.
        using (var cancellation = new CancellationTokenSource())
        {
            var impatient = provider.GetTokenAsync(RuntimeHarness.ReadOrders, cancellation.Token).AsTask();
            var stopwatch = Stopwatch.StartNew();
            cancellation.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.Bounded());
            stopwatch.Stop();
            Assert.True(stopwatch.ElapsedMilliseconds < 100, $"The caller's cancellation took {stopwatch.ElapsedMilliseconds} ms.");
        }

        // The first attempt is cut at the attempt timeout, not before.
        var first = server.TokenRequests[0];
        await RuntimeHarness.StepToAsync(time, t0 + attemptTimeout - TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500));
        Assert.False(await RuntimeHarness.SettleAsync(() => first.Completion.IsCompleted), "The first attempt ended before the attempt timeout.");
        time.SetUtcNow(t0 + attemptTimeout);
        Assert.Equal(RequestOutcome.ClientAborted, await first.Completion.Bounded());

        // Retries follow, each cut in turn; the whole acquisition ends at the total timeout, not before.
        var finished = () => owner.IsCompleted;
        var lastBefore = t0 + totalTimeout - TimeSpan.FromMilliseconds(100);
        while (time.GetUtcNow() < lastBefore)
        {
            var next = time.GetUtcNow() + TimeSpan.FromMilliseconds(250);
            time.SetUtcNow(next < lastBefore ? next : lastBefore);
            Assert.False(await RuntimeHarness.SettleAsync(finished), $"The acquisition ended at +{(time.GetUtcNow() - t0).TotalSeconds} s, before the total timeout.");
        }

        time.SetUtcNow(t0 + totalTimeout);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => owner.Bounded());
        var typed = Assert.IsType<TokenEndpointException>(failure);
        Assert.Null(typed.StatusCode);

        // Waiting callers are released with the same failure.
        foreach (var waiter in waiters)
        {
            Assert.Same(failure, await Assert.ThrowsAnyAsync<Exception>(() => waiter.Bounded()));
        }

        // Every attempt was cut: three in 30 s (10 s each, plus backoffs of at most ~3 s before the third).
        Assert.Equal(3, server.TokenRequestCount);
        foreach (var (request, index) in server.TokenRequests.Select((r, i) => (r, i)))
        {
            Assert.Equal(RequestOutcome.ClientAborted, await request.Completion.Bounded());
            if (index > 0)
            {
                var sinceStart = clock.TokenRequestAt(index + 1) - t0;
                var previousCut = attemptTimeout * index;
                Assert.True(sinceStart >= previousCut, $"Attempt {index + 1} started at +{sinceStart.TotalSeconds} s, before attempt {index} was cut.");
            }
        }
    }

    /// <summary>A throttling answer with <c>Retry-After</c> in delta-seconds or HTTP-date form (with a matching <c>Date</c>).</summary>
    private static ScriptedResponse Throttled(int status, string form, DateTimeOffset serverNow, int seconds)
    {
        var response = ScriptedResponse.Json(status, """{"error":"temporarily_unavailable"}""")
            .WithHeader("Date", serverNow.ToString("R", CultureInfo.InvariantCulture));
        return form == "delta"
            ? response.WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture))
            : response.WithHeader("Retry-After", (serverNow + TimeSpan.FromSeconds(seconds)).ToString("R", CultureInfo.InvariantCulture));
    }
}
