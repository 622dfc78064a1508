using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Cymbio.Client.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Cymbio.Client.Tests.Runtime.Harness;

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
        SpinWait.SpinUntil(() => _tokenRequests.ContainsKey(n), RuntimeHarness.RealTimeBound);
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
