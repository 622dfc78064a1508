using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cymbio.Client.Tests.Infrastructure;
using Cymbio.Client.Tests.Runtime.Harness;
using Cymbio.Emulator;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cymbio.Client.Tests.Runtime;

/// <summary>docs/reliability.md section B: expiry, clock and proactive refresh of 300 s tokens (B1–B4).</summary>
[Collection(TokenReliabilityCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class TokenExpiryTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(300);

    [Fact]
    public async Task B1_LifetimeScaledBuffer_OneCallPerSecondFor600s_ThreeTokenRequests_NoCallWithUnder30sLeft()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        await using var emulator = await CymbioEmulator.StartAsync(new CymbioEmulatorOptions { TimeProvider = time });
        using var rig = new TokenApiRig(emulator.BaseAddress, RuntimeHarness.Options(emulator, CymbioGrantType.ClientCredentials), time);

        await RuntimeHarness.OneCallPerSecondAsync(time, rig.Logger, 600, async () =>
        {
            await rig.Smoke.ListAsync(EmulatorAccounts.SupplierId);
            return rig.Counting.LastToken!;
        });
        var calls = emulator.Requests.Records.Where(static r => !r.IsTokenRequest).ToList();
        var issued = emulator.Tokens.Issued.OrderBy(static t => t.Id).ToList();
        Assert.Equal(600, calls.Count);
        Assert.All(calls, static r => Assert.Equal(200, r.StatusCode));
        Assert.True(issued.Count <= 3, $"TR = {issued.Count} for 600 AR: renewal must not be per call.");
        Assert.Equal(3, issued.Count);
        Assert.Equal(3, emulator.Requests.TokenRequests());

        // Renewal at RefreshAfter ± RefreshJitter of the lifetime after each acquisition (the first call at or after it),
        // never earlier than 75 % and always before the usable end (90 %).
        var tokens = new CymbioTokenOptions();
        var earliest = Lifetime * Math.Max(0.75, tokens.RefreshAfter - tokens.RefreshJitter);
        var latest = Lifetime * (tokens.RefreshAfter + tokens.RefreshJitter) + TimeSpan.FromSeconds(1);
        Assert.True(latest < Lifetime * (1 - tokens.ExpiryMargin));
        Assert.InRange(issued[1].IssuedAt - issued[0].IssuedAt, earliest, latest);
        Assert.InRange(issued[2].IssuedAt - issued[1].IssuedAt, earliest, latest);
        Assert.Equal(start, issued[0].IssuedAt);

        // No API request was sent with a token that had less than 30 s left (the emulator's own record of each call's token).
        foreach (var call in calls)
        {
            var token = issued.Single(t => t.Id == call.TokenId);
            var left = token.ExpiresAt - call.Timestamp;
            Assert.True(left >= TimeSpan.FromSeconds(30), $"An API request at +{(call.Timestamp - start).TotalSeconds} s carried token #{token.Id} with {left.TotalSeconds} s left.");
        }
    }

    [Fact]
    public async Task B2_RefreshWindow_HundredCallsUseTheCurrentToken_ExactlyOneBackgroundTokenRequest()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var logger = new TokenTestLogger();
        using var provider = RuntimeHarness.Provider(RuntimeHarness.ClientCredentialsOptions(server), time, logger);
        var t1 = await provider.GetTokenAsync(RuntimeHarness.ReadOrders);

        // Inside the renewal window: past T1's renewal time, before its usable end (90 %).
        RuntimeHarness.AdvanceToTimestamp(time, t1.RefreshAtTimestamp, TimeSpan.FromSeconds(1));
        Assert.True(time.GetTimestamp() >= t1.RefreshAtTimestamp && time.GetTimestamp() < t1.ExpiresTimestamp);
        using (server.HoldTokenResponses())
        {
            for (var i = 0; i < 100; i++)
            {
                var call = provider.GetTokenAsync(RuntimeHarness.ReadOrders);
                Assert.True(call.IsCompletedSuccessfully, $"Call {i} waited for the renewal.");
                Assert.Same(t1, await call);
            }

            await server.TokenGate.WaitForWaitingAsync(1);
            await RuntimeHarness.AssertTokenRequestsStayAtAsync(server, 2, "exactly one background renewal for 100 calls");
        }

        await RuntimeHarness.WaitUntilAsync(() => logger.Count(TokenTestLogger.TokenAcquired) == 2, "the background renewal to finish");
        var t2 = await provider.GetTokenAsync(RuntimeHarness.ReadOrders);
        Assert.NotEqual(t1.AccessToken, t2.AccessToken);
        Assert.Equal(2, ScriptedCymbioServer.ParseMinted(t2.AccessToken).N);
        Assert.Equal(2, server.TokenRequestCount);
    }

    [Fact]
    public async Task B2_BackgroundRefreshGets503_CallersKeepTheValidToken_RetryDelayCapsThePauseBeforeTheNextAttempt()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var logger = new TokenTestLogger();
        var options = RuntimeHarness.ClientCredentialsOptions(server);

        // One attempt per renewal (transport retries are C1's subject), and a retry delay shorter than the schedule's pause
        // (half the 21–39 s left of the usable window, ±10 %, so at least 9.45 s): RefreshRetryDelay caps it.
        options.Tokens.MaxRetries = 0;
        options.Tokens.RefreshRetryDelay = TimeSpan.FromSeconds(5);
        server.TokenScript = ScriptedCymbioServer.TokenSequence(null, ScriptedResponse.Json(503, """{"error":"temporarily_unavailable"}"""), null);
        using var provider = RuntimeHarness.Provider(options, time, logger);
        var t1 = await provider.GetTokenAsync(RuntimeHarness.ReadOrders);

        RuntimeHarness.AdvanceToTimestamp(time, t1.RefreshAtTimestamp);
        Assert.Same(t1, await provider.GetTokenAsync(RuntimeHarness.ReadOrders));
        await RuntimeHarness.WaitUntilAsync(() => logger.Count(TokenTestLogger.BackgroundRefreshFailed) == 1, "the background renewal to fail");
        Assert.Equal(2, server.TokenRequestCount);
        var failedAt = time.GetUtcNow();

        // Calls every second (and ten per second) during the retry delay: the valid token, no token request.
        for (var second = 0; second < 5; second++)
        {
            for (var i = 0; i < 10; i++)
            {
                var call = provider.GetTokenAsync(RuntimeHarness.ReadOrders);
                Assert.True(call.IsCompletedSuccessfully);
                Assert.Same(t1, await call);
            }

            await RuntimeHarness.AssertTokenRequestsStayAtAsync(server, 2, $"no renewal {second} s after the failed one (retry delay 5 s)");
            time.Advance(TimeSpan.FromSeconds(1));
        }

        // At failure + retry delay, the next call starts exactly one new renewal, and still gets the valid token.
        Assert.Equal(failedAt + options.Tokens.RefreshRetryDelay, time.GetUtcNow());
        Assert.True(time.GetTimestamp() < t1.ExpiresTimestamp);
        Assert.Same(t1, await provider.GetTokenAsync(RuntimeHarness.ReadOrders));
        await RuntimeHarness.WaitUntilAsync(() => logger.Count(TokenTestLogger.TokenAcquired) == 2, "the second renewal to succeed");
        Assert.Equal(3, server.TokenRequestCount);
        Assert.Equal(2, ScriptedCymbioServer.ParseMinted((await provider.GetTokenAsync(RuntimeHarness.ReadOrders)).AccessToken).N);
    }

    [Fact]
    public async Task B2_RefreshJitter_TenComputationsAtLeastEightDistinct_WithinFivePercentOfTheLifetime()
    {
        var options = new CymbioTokenOptions();
        var nominal = Lifetime * options.RefreshAfter;
        var tolerance = Lifetime * 0.05;

        foreach (var seed in new[] { 1, 42, 20_260_326 })
        {
            var random = new Random(seed);
            var delays = Enumerable.Range(0, 10).Select(_ => CymbioTokenProvider.RefreshDelay(Lifetime, options, random)).ToList();
            Assert.True(delays.Distinct().Count() >= 8, $"Seed {seed}: {string.Join(", ", delays.Select(d => d.TotalSeconds))}");
            Assert.All(delays, d => Assert.InRange(d, nominal - tolerance, nominal + tolerance));
        }

        // The same holds for tokens the provider really issues (its own random source).
        await using var emulator = await CymbioEmulator.StartAsync();
        var time = new FakeTimeProvider();
        var logger = new TokenTestLogger();
        using var provider = RuntimeHarness.Provider(RuntimeHarness.Options(emulator, CymbioGrantType.ClientCredentials), time, logger);
        var issued = new List<TimeSpan>();
        foreach (var scope in CymbioScopes.All.Take(10))
        {
            var token = await provider.GetTokenAsync(ScopeSet.Parse(scope));
            issued.Add(time.GetElapsedTime(token.AcquiredTimestamp, token.RefreshAtTimestamp));
        }

        Assert.Equal(10, emulator.Requests.TokenRequests());
        Assert.True(issued.Distinct().Count() >= 8, string.Join(", ", issued.Select(d => d.TotalSeconds)));
        Assert.All(issued, d => Assert.InRange(d, nominal - tolerance, nominal + tolerance));
    }

    [Fact]
    public async Task B3_WallClockJumpsTenMinutes_ChangeNothing_ThreeTokenRequestsOver600s()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        var time = new FakeTimeProvider();
        var wall = new WallClockOffsetTimeProvider(time);
        var logger = new TokenTestLogger();
        using var provider = RuntimeHarness.Provider(RuntimeHarness.Options(emulator, CymbioGrantType.ClientCredentials), wall, logger);

        var t1 = await provider.GetTokenAsync(RuntimeHarness.ReadOrders);
        foreach (var jump in new[] { TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(-10), TimeSpan.FromMinutes(10) })
        {
            wall.Offset = jump;
            var call = provider.GetTokenAsync(RuntimeHarness.ReadOrders);
            Assert.True(call.IsCompletedSuccessfully);
            Assert.Same(t1, await call);
        }

        Assert.Equal(1, emulator.Requests.TokenRequests());

        // 600 s of one call per second, with the wall clock jumping ±10 min every second.
        var used = await RuntimeHarness.OneCallPerSecondAsync(
            time,
            logger,
            600,
            async () => await provider.GetTokenAsync(RuntimeHarness.ReadOrders),
            second => wall.Offset = TimeSpan.FromMinutes(second % 2 == 0 ? 10 : -10));

        Assert.Equal(3, emulator.Requests.TokenRequests());
        Assert.Equal(3, used.Select(t => t.AccessToken).Distinct().Count());
        Assert.All(used, t => Assert.Equal(Lifetime, t.Lifetime));
    }

    [Fact]
    public async Task B3_ExpiryIsMeasuredFromRequestSendTime_NotFromTheResponse()
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var logger = new TokenTestLogger();
        using var provider = RuntimeHarness.Provider(RuntimeHarness.ClientCredentialsOptions(server), time, logger);

        var sent = time.GetTimestamp();
        Task<CymbioToken> pending;
        using (server.HoldTokenResponses())
        {
            pending = provider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask();
            await server.TokenGate.WaitForWaitingAsync(1);
            time.Advance(TimeSpan.FromSeconds(5)); // the response is late (less than the 10 s attempt timeout)
        }

        var token = await pending.Bounded();
        Assert.Equal(sent, token.AcquiredTimestamp);
        Assert.Equal(TimeSpan.FromSeconds(270), time.GetElapsedTime(sent, token.ExpiresTimestamp));
        Assert.Equal(Lifetime, token.Lifetime);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(-10)]
    public async Task B3_CamelCaseAccessTokenExpiresAt_UsesTheResponseDate_ThreeTokenRequestsOver600s(int localClockOffsetMinutes)
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var wall = new WallClockOffsetTimeProvider(time) { Offset = TimeSpan.FromMinutes(localClockOffsetMinutes) };
        var logger = new TokenTestLogger();

        // Cymbio's own clock is the true (fake) time; the local clock is 10 min fast or slow.
        server.TokenScript = (request, context) =>
        {
            var serverNow = time.GetUtcNow();
            var accessToken = context.Mint(request.GrantType!, request.ClientId!, request.Scope!);
            return Task.FromResult(
                ScriptedResponse.CamelCaseToken(accessToken, serverNow + Lifetime, scope: request.Scope)
                    .WithHeader("Date", serverNow.ToString("R", CultureInfo.InvariantCulture)));
        };
        using var provider = RuntimeHarness.Provider(RuntimeHarness.ClientCredentialsOptions(server), wall, logger);

        var used = await RuntimeHarness.OneCallPerSecondAsync(time, logger, 600, async () => await provider.GetTokenAsync(RuntimeHarness.ReadOrders));

        Assert.All(used, t => Assert.Equal(Lifetime, t.Lifetime));
        Assert.Equal(3, server.TokenRequestCount);
        Assert.Equal(0, logger.Count(TokenTestLogger.UnusableLifetime));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("\"300\"")]
    [InlineData("2592000")] // 86400 * 30
    [InlineData(null)] // missing
    public async Task B3_BadExpiresIn_IsHandledDeterministically_NeverALongLivedEntry(string? expiresInJson)
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var logger = new TokenTestLogger();
        server.TokenScript = (request, context) =>
            Task.FromResult(ScriptedResponse.TokenRaw(context.Mint(request.GrantType!, request.ClientId!, request.Scope!), expiresInJson, request.Scope));
        using var provider = RuntimeHarness.Provider(RuntimeHarness.ClientCredentialsOptions(server), time, logger);

        var first = await provider.GetTokenAsync(RuntimeHarness.ReadOrders);

        // "300" (a numeric string) is read as 300 s; 0, -5, 30 days and a missing value fall back to the documented 300 s default.
        Assert.Equal(Lifetime, first.Lifetime);
        Assert.True(time.GetElapsedTime(first.AcquiredTimestamp, first.ExpiresTimestamp) <= Lifetime);
        Assert.Equal(expiresInJson is "\"300\"" ? 0 : expiresInJson is null ? 0 : 1, logger.Count(TokenTestLogger.UnusableLifetime));

        time.Advance(TimeSpan.FromSeconds(1));
        var used = await RuntimeHarness.OneCallPerSecondAsync(time, logger, 599, async () => await provider.GetTokenAsync(RuntimeHarness.ReadOrders));
        Assert.All(used, t => Assert.Equal(Lifetime, t.Lifetime));
        Assert.Equal(3, server.TokenRequestCount);
    }

    [Theory]
    [InlineData("1e20")] // beyond TimeSpan's range
    [InlineData("1e400")] // beyond double's range
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"-Infinity\"")]
    [InlineData("\"abc\"")]
    [InlineData("\"\"")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("{}")]
    [InlineData("3600.0000001")]
    public async Task B3_HostileExpiresIn_TypedErrorOrConservativeDefault_NoRawException(string expiresInJson)
    {
        await using var server = await ScriptedCymbioServer.StartAsync();
        var time = new FakeTimeProvider();
        var logger = new TokenTestLogger();
        server.TokenScript = (request, context) =>
            Task.FromResult(ScriptedResponse.TokenRaw(context.Mint(request.GrantType!, request.ClientId!, request.Scope!), expiresInJson, request.Scope));
        using var provider = RuntimeHarness.Provider(RuntimeHarness.ClientCredentialsOptions(server), time, logger);

        var call = provider.GetTokenAsync(RuntimeHarness.ReadOrders).AsTask();
        await RuntimeHarness.AdvanceUntilAsync(time, () => call.IsCompleted, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(30), "the acquisition");
        if (call.IsCompletedSuccessfully)
        {
            var token = await call;
            Assert.Equal(Lifetime, token.Lifetime);
            Assert.True(time.GetElapsedTime(token.AcquiredTimestamp, token.ExpiresTimestamp) <= Lifetime);
        }
        else
        {
            var failure = call.Exception!.InnerException!;
            Assert.True(failure is TokenEndpointException, $"expires_in {expiresInJson} escaped as {failure.GetType().FullName}: {failure.Message}");
        }

        Assert.Equal(1, server.TokenRequestCount);
    }

    [Fact]
    public void B4_TokenAndHandlerTests_HaveNoRealSleepsLongerThan50ms()
    {
        var runtime = RuntimeTestsDirectory();
        var call = new Regex(@"\b(?<api>Task\.Delay|Thread\.Sleep)\s*\(\s*(?<arg>[^,;)]*(?:\([^)]*\))?)", RegexOptions.CultureInvariant);
        var violations = new List<string>();
        var checkedFiles = 0;
        foreach (var file in Directory.EnumerateFiles(runtime, "*.cs", SearchOption.AllDirectories))
        {
            checkedFiles++;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match match in call.Matches(lines[i]))
                {
                    if (Milliseconds(match.Groups["arg"].Value) is { } ms && ms > 50)
                    {
                        violations.Add($"{Path.GetFileName(file)}:{i + 1}: {match.Value.Trim()}");
                    }
                }
            }
        }

        Assert.True(checkedFiles > 0, $"No test sources found under {runtime}.");
        Assert.True(violations.Count == 0, "Real sleeps longer than 50 ms:\n" + string.Join("\n", violations));

        static double? Milliseconds(string argument)
        {
            argument = argument.Trim();
            if (argument.StartsWith("Timeout.Infinite", StringComparison.Ordinal))
            {
                return double.PositiveInfinity;
            }

            if (double.TryParse(argument, NumberStyles.Float, CultureInfo.InvariantCulture, out var literal))
            {
                return literal;
            }

            var span = Regex.Match(argument, @"^TimeSpan\.From(?<unit>Milliseconds|Seconds|Minutes|Hours)\(\s*(?<n>[0-9.]+)\s*\)$", RegexOptions.CultureInvariant);
            if (!span.Success)
            {
                return null; // not a literal: not decidable here
            }

            var n = double.Parse(span.Groups["n"].Value, CultureInfo.InvariantCulture);
            return span.Groups["unit"].Value switch
            {
                "Milliseconds" => n,
                "Seconds" => n * 1_000,
                "Minutes" => n * 60_000,
                _ => n * 3_600_000,
            };
        }
    }

    /// <summary>Found above the test binaries (CI maps CallerFilePath to <c>/_/</c>).</summary>
    private static string RuntimeTestsDirectory() => Cymbio.Tests.Shared.Repository.PathOf("tests", "Cymbio.Client.Tests", "Runtime");
}
