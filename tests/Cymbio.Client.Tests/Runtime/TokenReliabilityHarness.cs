using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Cymbio.Client.Tests.Apis;
using Cymbio.Client.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Refit;
using Xunit;

namespace Cymbio.Client.Tests.Runtime.Tokens;

/// <summary>
/// The reliability tests of docs/reliability.md sections A–C run one at a time: several of them open a thousand loopback
/// connections at once, and the others check bounds (100 ms) that such a neighbour could disturb.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TokenReliabilityCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Cymbio token reliability (sections A-C)";
}

/// <summary>Options, scope sets and real-time/fake-time synchronisation shared by the reliability tests.</summary>
internal static class TokenReliability
{
    /// <summary>How long a test waits (real time) for something the server or a background task must do.</summary>
    public static readonly TimeSpan RealTimeBound = TimeSpan.FromSeconds(20);

    public static readonly ScopeSet ReadOrders = ScopeSet.Parse(CymbioScopes.ReadOrders);

    /// <summary>Client-credentials options for the scripted server; grants default to <c>read:orders</c>.</summary>
    public static CymbioClientOptions Options(ScriptedCymbioServer server, string clientId = "cid", CymbioScopeStrategy strategy = CymbioScopeStrategy.AllGranted, params string[] grants)
    {
        var options = new CymbioClientOptions
        {
            Environment = CymbioEnvironment.Custom,
            BaseAddress = server.BaseAddress,
            ClientId = clientId,
            ClientSecret = "secret-of-" + clientId,
            ScopeStrategy = strategy,
        };
        foreach (var grant in grants.Length == 0 ? [CymbioScopes.ReadOrders] : grants)
        {
            options.Grants.Add(grant);
        }

        return options;
    }

    /// <summary>A provider over a plain <see cref="HttpClient"/>, as the reliability scenarios prescribe (docs/reliability.md).</summary>
    public static CymbioTokenProvider Provider(CymbioClientOptions options, TimeProvider time, TokenTestLogger logger) =>
        new(new HttpClient(), options, time, logger);

    /// <summary>Polls <paramref name="condition"/> (real time, 1 ms apart) until it holds; fails after <see cref="RealTimeBound"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var bound = timeout ?? RealTimeBound;
        var clock = Stopwatch.StartNew();
        while (!condition())
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
    /// Advances the fake clock by <paramref name="step"/> at a time, letting background work react between steps, until
    /// <paramref name="done"/> holds. Fails when <paramref name="limit"/> of fake time has passed without it.
    /// </summary>
    public static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> done, TimeSpan step, TimeSpan limit, string what)
    {
        var advanced = TimeSpan.Zero;
        while (!await SettleAsync(done))
        {
            if (advanced >= limit)
            {
                throw new TimeoutException($"{what} did not happen within {limit.TotalSeconds:0.###} s of fake time.");
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
}

/// <summary>Records, on the fake clock, when each token and API request reached the server.</summary>
internal sealed class ServerClock
{
    private readonly FakeTimeProvider _time;
    private readonly ConcurrentDictionary<int, DateTimeOffset> _tokenRequests = new();
    private readonly ConcurrentQueue<(DateTimeOffset At, string? Bearer, string Path)> _apiRequests = new();

    public ServerClock(FakeTimeProvider time) => _time = time;

    /// <summary>The fake time at which the n-th token request arrived (1-based).</summary>
    public DateTimeOffset TokenRequestAt(int n)
    {
        // The server counts a request just before its script (which times it) runs: allow for that gap.
        SpinWait.SpinUntil(() => _tokenRequests.ContainsKey(n), TimeSpan.FromSeconds(5));
        return _tokenRequests.TryGetValue(n, out var at) ? at : throw new InvalidOperationException($"No token request #{n} was timed.");
    }

    /// <summary>Whether the n-th token request has been timed (the server counts a request before its script runs).</summary>
    public bool HasTokenRequest(int n) => _tokenRequests.ContainsKey(n);

    public IReadOnlyList<(DateTimeOffset At, string? Bearer, string Path)> ApiRequests => [.. _apiRequests];

    /// <summary>Wraps a token script so that each request's arrival is timed.</summary>
    public Func<TokenRequestRecord, TokenScriptContext, Task<ScriptedResponse>> Timed(Func<TokenRequestRecord, TokenScriptContext, Task<ScriptedResponse>> script) =>
        (request, context) =>
        {
            _tokenRequests[context.RequestNumber] = _time.GetUtcNow();
            return script(request, context);
        };

    /// <summary>An API script answering 200 <c>{}</c> that times each request and keeps its bearer.</summary>
    public Func<ApiRequestRecord, Task<ScriptedResponse>> TimedApi() =>
        request =>
        {
            _apiRequests.Enqueue((_time.GetUtcNow(), request.BearerToken, request.Path));
            return ScriptedCymbioServer.DefaultApiScript(request);
        };
}

/// <summary>A logger for the token provider that keeps every record (event id, level, message, structured state).</summary>
internal sealed class TokenTestLogger : ILogger<CymbioTokenProvider>
{
    public const int TokenAcquired = 1;
    public const int TokenFailed = 3;
    public const int BackgroundRefreshFailed = 4;
    public const int UnusableLifetime = 5;
    public const int TokenRetry = 6;

    private readonly object _sync = new();
    private readonly List<Record> _records = [];
    private readonly TimeProvider? _clock;

    /// <summary>Initializes the logger; <paramref name="clock"/>, when given, stamps each record with its time.</summary>
    public TokenTestLogger(TimeProvider? clock = null) => _clock = clock;

    public sealed record Record(int EventId, LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> State, DateTimeOffset? At);

    public IReadOnlyList<Record> Records
    {
        get
        {
            lock (_sync)
            {
                return [.. _records];
            }
        }
    }

    public int Count(int eventId)
    {
        lock (_sync)
        {
            return _records.Count(r => r.EventId == eventId);
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        var record = new Record(eventId.Id, logLevel, formatter(state, exception), [.. values], _clock?.GetUtcNow());
        lock (_sync)
        {
            _records.Add(record);
        }
    }
}

/// <summary>
/// Counts the callers that asked the wrapped provider for a token (the call has returned its pending task, so the
/// caller is waiting) and remembers the last token handed out.
/// </summary>
internal sealed class CountingTokenProvider : ICymbioTokenProvider
{
    private readonly ICymbioTokenProvider _inner;
    private int _calls;
    private CymbioToken? _last;

    public CountingTokenProvider(ICymbioTokenProvider inner) => _inner = inner;

    public int Calls => Volatile.Read(ref _calls);

    public CymbioToken? LastToken => Volatile.Read(ref _last);

    public Task WaitForCallsAsync(int count) =>
        TokenReliability.WaitUntilAsync(() => Calls >= count, $"{count} callers waiting for a token (have {Calls})");

    public async ValueTask<CymbioToken> GetTokenAsync(ScopeSet scopes, CancellationToken cancellationToken = default)
    {
        var pending = _inner.GetTokenAsync(scopes, cancellationToken);
        Interlocked.Increment(ref _calls);
        var token = await pending.ConfigureAwait(false);
        Volatile.Write(ref _last, token);
        return token;
    }

    public ValueTask<CymbioToken> RenewAsync(CymbioToken rejected, CancellationToken cancellationToken = default) =>
        _inner.RenewAsync(rejected, cancellationToken);
}

/// <summary>
/// The call-level rig: a <see cref="CymbioTokenProvider"/> (wrapped in a <see cref="CountingTokenProvider"/>) behind a
/// <see cref="CymbioAuthenticationHandler"/>, under a Refit client of <see cref="ITokenReliabilityApi"/>.
/// </summary>
internal sealed class TokenApiRig : IDisposable
{
    /// <summary>The header that tells the server which rig (credential set) sent an API request.</summary>
    public const string RigHeader = "X-Reliability-Rig";

    private readonly HttpClient _tokenHttp = new();
    private readonly HttpClient _apiHttp;

    public TokenApiRig(ScriptedCymbioServer server, CymbioClientOptions options, TimeProvider time, string? rigName = null)
    {
        Provider = new CymbioTokenProvider(_tokenHttp, options, time, Logger);
        Counting = new CountingTokenProvider(Provider);
        var handler = new CymbioAuthenticationHandler(Counting, options) { InnerHandler = new SocketsHttpHandler() };
        _apiHttp = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        if (rigName is not null)
        {
            _apiHttp.DefaultRequestHeaders.Add(RigHeader, rigName);
        }

        Api = RestService.ForGenerated<ITokenReliabilityApi>(_apiHttp);
    }

    public TokenTestLogger Logger { get; } = new();

    public CymbioTokenProvider Provider { get; }

    public CountingTokenProvider Counting { get; }

    public ITokenReliabilityApi Api { get; }

    public void Dispose()
    {
        _apiHttp.Dispose();
        _tokenHttp.Dispose();
        Provider.Dispose();
    }
}

/// <summary>
/// A clock whose wall time (<see cref="GetUtcNow"/>) can jump while its monotonic time (timestamps, timers) stays that of
/// the wrapped <see cref="FakeTimeProvider"/>: what a local clock change does to a real machine.
/// </summary>
internal sealed class WallClockOffsetTimeProvider : TimeProvider
{
    private readonly FakeTimeProvider _inner;
    private long _offsetTicks;

    public WallClockOffsetTimeProvider(FakeTimeProvider inner) => _inner = inner;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + Offset;

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _inner.CreateTimer(callback, state, dueTime, period);
}
