using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Threading.Tasks;
using Cymbio.Client.Tests.Infrastructure;
using Cymbio.Emulator;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cymbio.Client.Tests.Runtime.Harness;

/// <summary>
/// What the runtime tests of docs/reliability.md (A–G) share: options for the scripted server, one real-time bound on
/// every wait, waiting (real time) until a condition holds, moving the fake clock, scripted 401/403 answers and the
/// exception lookups. The rigs around the token provider sit beside it in this folder (<see cref="TokenApiRig"/>,
/// <see cref="CountingTokenProvider"/>, <see cref="TokenTestLogger"/>, <see cref="ServerClock"/>,
/// <see cref="WallClockOffsetTimeProvider"/>).
/// </summary>
internal static class RuntimeHarness
{
    public const string ClientId = "cid";
    public const string ClientSecret = "cs-not-a-sentinel";
    public const string Username = "user@example.com";
    public const string Password = "pw-not-a-sentinel";

    /// <summary>
    /// How long (real time) a test waits for anything the server, a background task or the fake clock must bring about:
    /// the bound on every await that fake time could otherwise leave hanging.
    /// </summary>
    public static readonly TimeSpan RealTimeBound = TimeSpan.FromSeconds(20);

    /// <summary><c>read:orders</c>, what <see cref="ClientCredentialsOptions"/> grants by default.</summary>
    public static readonly ScopeSet ReadOrders = ScopeSet.Create(CymbioScopes.ReadOrders);

    /// <summary>
    /// <c>read:orders write:inventory</c>, what <see cref="Options(ScriptedCymbioServer, string[])"/> grants by default
    /// (and so what every call asks for under <see cref="CymbioScopeStrategy.AllGranted"/>).
    /// </summary>
    public static readonly ScopeSet DefaultGrants = ScopeSet.Create(CymbioScopes.ReadOrders, CymbioScopes.WriteInventory);

    /// <summary>Password-grant options against <paramref name="server"/>; <paramref name="grants"/> default to <see cref="DefaultGrants"/>.</summary>
    public static CymbioClientOptions Options(ScriptedCymbioServer server, params string[] grants) => Options(server.BaseAddress, grants);

    /// <summary>Password-grant options against <paramref name="baseAddress"/>; <paramref name="grants"/> default to <see cref="DefaultGrants"/>.</summary>
    public static CymbioClientOptions Options(Uri baseAddress, params string[] grants) =>
        Build(baseAddress, CymbioGrantType.Password, ClientId, CymbioScopeStrategy.AllGranted, grants.Length == 0 ? [CymbioScopes.ReadOrders, CymbioScopes.WriteInventory] : grants);

    /// <summary>
    /// Client-credentials options (no username or password) against <paramref name="server"/>; <paramref name="grants"/>
    /// default to <see cref="ReadOrders"/>.
    /// </summary>
    public static CymbioClientOptions ClientCredentialsOptions(
        ScriptedCymbioServer server, string clientId = ClientId, CymbioScopeStrategy strategy = CymbioScopeStrategy.AllGranted, params string[] grants) =>
        Build(server.BaseAddress, CymbioGrantType.ClientCredentials, clientId, strategy, grants.Length == 0 ? [CymbioScopes.ReadOrders] : grants);

    /// <summary>
    /// Options for an account of <paramref name="emulator"/> (default: the fully granted supplier): its client id and
    /// secret, and for the password grant its username and password; <paramref name="grants"/> default to
    /// <see cref="ReadOrders"/>.
    /// </summary>
    public static CymbioClientOptions Options(
        CymbioEmulator emulator, CymbioGrantType grantType, CymbioScopeStrategy strategy = CymbioScopeStrategy.AllGranted, string account = EmulatorAccounts.Supplier, params string[] grants)
    {
        var credentials = emulator.Account(account);
        var options = Build(emulator.BaseAddress, grantType, credentials.ClientId, strategy, grants.Length == 0 ? [CymbioScopes.ReadOrders] : grants);
        options.ClientSecret = credentials.ClientSecret;
        options.SupplierId = credentials.SupplierId;
        if (grantType == CymbioGrantType.Password)
        {
            options.Username = credentials.Username;
            options.Password = credentials.Password;
        }

        return options;
    }

    /// <summary>Copies <paramref name="source"/> into <paramref name="target"/> (for <c>AddCymbio(o => ...)</c>).</summary>
    public static void CopyTo(this CymbioClientOptions source, CymbioClientOptions target)
    {
        target.Environment = source.Environment;
        target.BaseAddress = source.BaseAddress;
        target.ClientId = source.ClientId;
        target.ClientSecret = source.ClientSecret;
        target.Username = source.Username;
        target.Password = source.Password;
        target.GrantType = source.GrantType;
        target.ScopeStrategy = source.ScopeStrategy;
        target.Grants.Clear();
        foreach (var grant in source.Grants)
        {
            target.Grants.Add(grant);
        }
    }

    /// <summary>A provider over a plain <see cref="HttpClient"/>, as the reliability scenarios prescribe (docs/reliability.md).</summary>
    public static CymbioTokenProvider Provider(CymbioClientOptions options, TimeProvider time, TokenTestLogger logger) =>
        new(new HttpClient(), options, time, logger);

    /// <summary>401 with an RFC 6750 <c>invalid_token</c> challenge.</summary>
    public static ScriptedResponse Unauthorized() =>
        ScriptedResponse.Json(401, """{"message":"Unauthorized"}""").WithHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");

    /// <summary>403 with an RFC 6750 <c>insufficient_scope</c> challenge naming <paramref name="scope"/>.</summary>
    public static ScriptedResponse InsufficientScope(string scope) =>
        ScriptedResponse.Json(403, """{"message":"Forbidden"}""")
            .WithHeader("WWW-Authenticate", $"Bearer error=\"insufficient_scope\", scope=\"{scope}\"");

    /// <summary>
    /// The first <typeparamref name="T"/> in <paramref name="exception"/>'s chain of inner exceptions (Refit may wrap what
    /// a handler throws), or <see langword="null"/>.
    /// </summary>
    public static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }

    /// <summary>Every exception in <paramref name="exception"/>'s chain, aggregates expanded.</summary>
    public static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }

    /// <summary>Runs <paramref name="call"/> and returns what it threw (fails when it did not throw).</summary>
    public static async Task<Exception> CatchAsync(Func<Task> call)
    {
        try
        {
            await call().Bounded();
        }
        catch (Exception exception)
        {
            return exception;
        }

        throw new Xunit.Sdk.XunitException("The call was expected to fail but succeeded.");
    }

    /// <summary>Bounds <paramref name="task"/> by <see cref="RealTimeBound"/>.</summary>
    public static Task<T> Bounded<T>(this Task<T> task) => task.WaitAsync(RealTimeBound);

    /// <summary>Bounds <paramref name="task"/> by <see cref="RealTimeBound"/>.</summary>
    public static Task Bounded(this Task task) => task.WaitAsync(RealTimeBound);

    /// <summary>
    /// Polls <paramref name="condition"/> (real time, 1 ms apart) until it holds; fails after <paramref name="timeout"/>
    /// (default <see cref="RealTimeBound"/>), naming <paramref name="what"/>.
    /// </summary>
    public static Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => Task.FromResult(condition()), what, timeout);

    /// <summary>As <see cref="WaitUntilAsync(Func{bool}, string, TimeSpan?)"/>, for a condition that must be awaited.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var bound = timeout ?? RealTimeBound;
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > bound)
            {
                throw new TimeoutException($"Timed out after {bound.TotalSeconds:0.#} s (real time) waiting for {what}.");
            }

            await Task.Delay(1);
        }
    }

    /// <summary>Gives background work up to about 15 ms (real time) to make <paramref name="done"/> true.</summary>
    public static async Task<bool> SettleAsync(Func<bool> done)
    {
        for (var i = 0; i < 15; i++)
        {
            if (done())
            {
                return true;
            }

            await Task.Delay(1);
        }

        return done();
    }

    /// <summary>
    /// Advances the fake clock by <paramref name="step"/> at a time, letting background work (HTTP I/O included) react
    /// between steps (<see cref="SettleAsync"/>), until <paramref name="done"/> holds. Fails when <paramref name="limit"/>
    /// of fake time or <see cref="RealTimeBound"/> of real time has passed without it.
    /// </summary>
    public static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> done, TimeSpan step, TimeSpan limit, string what)
    {
        var advanced = TimeSpan.Zero;
        var watch = Stopwatch.StartNew();
        while (!await SettleAsync(done))
        {
            if (advanced >= limit || watch.Elapsed > RealTimeBound)
            {
                throw new TimeoutException($"{what} did not happen within {limit.TotalSeconds:0.###} s of fake time (advanced {advanced}, {watch.Elapsed} real).");
            }

            time.Advance(step);
            advanced += step;
        }
    }

    /// <summary>
    /// Advances the fake clock to <paramref name="target"/> in steps of <paramref name="step"/>, giving background work a
    /// moment (real time, a few ms) after each step and then running <paramref name="check"/>.
    /// </summary>
    public static async Task StepToAsync(FakeTimeProvider time, DateTimeOffset target, TimeSpan step, Action? check = null)
    {
        while (time.GetUtcNow() < target)
        {
            var next = time.GetUtcNow() + step;
            time.SetUtcNow(next > target ? target : next);
            await Task.Delay(2);
            check?.Invoke();
        }
    }

    /// <summary>Advances to the monotonic <paramref name="timestamp"/> of <paramref name="time"/> (plus <paramref name="extra"/>).</summary>
    public static void AdvanceToTimestamp(FakeTimeProvider time, long timestamp, TimeSpan extra = default)
    {
        var remaining = time.GetElapsedTime(time.GetTimestamp(), timestamp);
        if (remaining > TimeSpan.Zero)
        {
            time.Advance(remaining);
        }

        if (extra > TimeSpan.Zero)
        {
            time.Advance(extra);
        }
    }

    /// <summary>A short quiet period (real time, 50 ms), then: the server saw exactly <paramref name="expected"/> token requests.</summary>
    public static async Task AssertTokenRequestsStayAtAsync(ScriptedCymbioServer server, int expected, string because)
    {
        await Task.Delay(50);
        Assert.True(server.TokenRequestCount == expected, $"Expected TR = {expected} ({because}); the server saw {server.TokenRequestCount}.");
    }

    /// <summary>
    /// One call per simulated second for <paramref name="seconds"/> seconds. After a call that started a background renewal
    /// (its token was past its renewal time), waits (real time) until the renewal has finished, so that the fake clock never
    /// moves under a request in flight. Returns the token each call used.
    /// </summary>
    public static async Task<List<CymbioToken>> OneCallPerSecondAsync(
        FakeTimeProvider time, TokenTestLogger logger, int seconds, Func<Task<CymbioToken>> call, Action<int>? beforeCall = null)
    {
        var used = new List<CymbioToken>(seconds);
        var waitedFor = new HashSet<string>(StringComparer.Ordinal);
        for (var second = 0; second < seconds; second++)
        {
            beforeCall?.Invoke(second);
            var settledBefore = logger.Count(TokenTestLogger.TokenAcquired) + logger.Count(TokenTestLogger.BackgroundRefreshFailed);
            var token = await call();
            used.Add(token);
            if (time.GetTimestamp() >= token.RefreshAtTimestamp && waitedFor.Add(token.AccessToken))
            {
                await WaitUntilAsync(
                    () => logger.Count(TokenTestLogger.TokenAcquired) + logger.Count(TokenTestLogger.BackgroundRefreshFailed) > settledBefore,
                    $"the background renewal started at second {second}");
            }

            time.Advance(TimeSpan.FromSeconds(1));
        }

        return used;
    }

    /// <summary>
    /// The one options builder: a custom environment at <paramref name="baseAddress"/>, <paramref name="clientId"/> with
    /// <see cref="ClientSecret"/>, and for the password grant <see cref="Username"/> and <see cref="Password"/> (the
    /// options infer the grant from them: no grant type is set).
    /// </summary>
    private static CymbioClientOptions Build(Uri baseAddress, CymbioGrantType grantType, string clientId, CymbioScopeStrategy strategy, IEnumerable<string> grants)
    {
        var options = new CymbioClientOptions
        {
            Environment = CymbioEnvironment.Custom,
            BaseAddress = baseAddress,
            ClientId = clientId,
            ClientSecret = ClientSecret,
            ScopeStrategy = strategy,
        };
        if (grantType == CymbioGrantType.Password)
        {
            options.Username = Username;
            options.Password = Password;
        }

        foreach (var grant in grants)
        {
            options.Grants.Add(grant);
        }

        return options;
    }
}
