using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Cymbio.Client.Tests.Runtime.Harness;

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
