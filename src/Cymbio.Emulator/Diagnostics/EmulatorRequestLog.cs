using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Cymbio.Emulator;

/// <summary>
/// What the emulator answered: the most recent requests (<see cref="CymbioEmulatorOptions.RequestLogCapacity"/>) and
/// counters that never drop anything (token requests by grant, calls by route and status), for assertions.
/// </summary>
public sealed class EmulatorRequestLog
{
    private readonly ConcurrentQueue<EmulatorRequestRecord> _records = new();
    private readonly ConcurrentDictionary<string, int> _tokenRequests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Method, string Route, int Status), int> _calls = new();
    private readonly int _capacity;
    private long _sequence;
    private int _count;

    internal EmulatorRequestLog(int capacity) => _capacity = capacity;

    /// <summary>Raised after each request is answered and logged (on the thread that answered it).</summary>
    public event Action<EmulatorRequestRecord>? RequestCompleted;

    /// <summary>The requests kept, oldest first.</summary>
    public IReadOnlyList<EmulatorRequestRecord> Records => _records.ToArray();

    /// <summary>The token requests answered, by <c>grant_type</c> (including refused ones).</summary>
    public IReadOnlyDictionary<string, int> TokenRequestsByGrant => new Dictionary<string, int>(_tokenRequests, StringComparer.Ordinal);

    /// <summary>The number of token requests answered, of any grant or of one grant.</summary>
    /// <param name="grant">The <c>grant_type</c>, or <see langword="null"/> for all.</param>
    /// <returns>The count.</returns>
    public int TokenRequests(string? grant = null) =>
        grant is null ? _tokenRequests.Values.Sum() : _tokenRequests.GetValueOrDefault(grant);

    /// <summary>The number of API requests answered on one route, with any status or one.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="routeTemplate">The route template, as Cymbio.Api declares it.</param>
    /// <param name="statusCode">The status, or <see langword="null"/> for any.</param>
    /// <returns>The count.</returns>
    public int Calls(string method, string routeTemplate, int? statusCode = null) =>
        _calls.Where(c => string.Equals(c.Key.Method, method, StringComparison.OrdinalIgnoreCase)
                && string.Equals(c.Key.Route, routeTemplate, StringComparison.Ordinal)
                && (statusCode is null || c.Key.Status == statusCode))
            .Sum(static c => c.Value);

    /// <summary>The API requests answered, by method, route template (or the path, for unknown routes) and status.</summary>
    public IReadOnlyDictionary<(string Method, string Route, int Status), int> CallsByRouteAndStatus =>
        new Dictionary<(string Method, string Route, int Status), int>(_calls);

    internal long NextSequence() => Interlocked.Increment(ref _sequence);

    internal void Add(EmulatorRequestRecord record)
    {
        if (record.IsTokenRequest)
        {
            _tokenRequests.AddOrUpdate(record.Grant ?? "(none)", 1, static (_, n) => n + 1);
        }
        else
        {
            _calls.AddOrUpdate((record.Method, record.Route ?? record.Path, record.StatusCode), 1, static (_, n) => n + 1);
        }

        _records.Enqueue(record);
        if (Interlocked.Increment(ref _count) > _capacity && _records.TryDequeue(out _))
        {
            Interlocked.Decrement(ref _count);
        }

        RequestCompleted?.Invoke(record);
    }
}
