using System;
using System.Threading;
using Microsoft.Extensions.Time.Testing;

namespace Cymbio.Client.Tests.Runtime.Harness;

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
