using System;
using System.Linq;
using System.Threading;

namespace Cymbio.Emulator;

/// <summary>
/// The three fault switches of the dashboard, each a rule of <see cref="EmulatorFaults"/> that holds until switched
/// off: the token endpoint down (503), 429 with <c>Retry-After</c> on every API route, and slow API responses.
/// </summary>
internal sealed class DashboardFaultSwitches(EmulatorFaults faults)
{
    /// <summary>The longest <c>Retry-After</c> the page may set, in seconds.</summary>
    public const int MaxRetryAfterSeconds = 3600;

    /// <summary>The longest delay the page may set, in milliseconds.</summary>
    public const int MaxDelayMilliseconds = 60_000;

    private readonly Lock _gate = new();
    private IDisposable? _tokenEndpointDown;
    private IDisposable? _tooManyRequests;
    private IDisposable? _slow;
    private int? _retryAfterSeconds;
    private int? _delayMilliseconds;
    private int _setting;

    /// <summary>Raised after <see cref="Set"/> changed the switches (the rules' own <see cref="EmulatorFaults.Changed"/> fire while it runs).</summary>
    public event Action? Changed;

    /// <summary>Whether <see cref="Set"/> is changing the rules right now: their changes are reported once, when it is done.</summary>
    public bool IsSetting => Volatile.Read(ref _setting) != 0;

    /// <summary>The switches and the rules in force.</summary>
    public DashboardFaults Current
    {
        get
        {
            lock (_gate)
            {
                ForgetRemovedRules();
                var rules = faults.Rules.Select(static r => new DashboardFaultRule(r.Target, r.Fault.ToString(), r.Remaining)).ToArray();
                return new DashboardFaults(_tokenEndpointDown is not null, _retryAfterSeconds, _delayMilliseconds, rules);
            }
        }
    }

    /// <summary>Sets all three switches; a switch already in the asked state is left as it is.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Set(bool tokenEndpointDown, int? retryAfterSeconds, int? delayMilliseconds)
    {
        if (retryAfterSeconds is < 1 or > MaxRetryAfterSeconds)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfterSeconds), $"Retry-After must be 1 to {MaxRetryAfterSeconds} seconds.");
        }

        if (delayMilliseconds is < 1 or > MaxDelayMilliseconds)
        {
            throw new ArgumentOutOfRangeException(nameof(delayMilliseconds), $"The delay must be 1 to {MaxDelayMilliseconds} ms.");
        }

        lock (_gate)
        {
            _setting = 1;
            try
            {
                Apply(tokenEndpointDown, retryAfterSeconds, delayMilliseconds);
            }
            finally
            {
                _setting = 0;
            }
        }

        Changed?.Invoke();
    }

    private void Apply(bool tokenEndpointDown, int? retryAfterSeconds, int? delayMilliseconds)
    {
        ForgetRemovedRules();
        if (tokenEndpointDown != (_tokenEndpointDown is not null))
        {
            Replace(ref _tokenEndpointDown, tokenEndpointDown ? () => faults.OnTokenEndpoint(EmulatorFault.Status(503), times: null) : null);
        }

        if (retryAfterSeconds != _retryAfterSeconds)
        {
            _retryAfterSeconds = retryAfterSeconds;
            Replace(ref _tooManyRequests, retryAfterSeconds is { } seconds ? () => faults.OnEveryRoute(EmulatorFault.TooManyRequests(TimeSpan.FromSeconds(seconds)), times: null) : null);
        }

        if (delayMilliseconds != _delayMilliseconds)
        {
            _delayMilliseconds = delayMilliseconds;
            Replace(ref _slow, delayMilliseconds is { } ms ? () => faults.OnEveryRoute(EmulatorFault.Delay(TimeSpan.FromMilliseconds(ms)), times: null) : null);
        }
    }

    /// <summary>A switch whose rule was removed behind its back (<c>cymbio.Faults.Clear()</c> in a test) is off.</summary>
    private void ForgetRemovedRules()
    {
        if (_tokenEndpointDown is { } down && !faults.IsActive(down))
        {
            _tokenEndpointDown = null;
        }

        if (_tooManyRequests is { } tooMany && !faults.IsActive(tooMany))
        {
            (_tooManyRequests, _retryAfterSeconds) = (null, null);
        }

        if (_slow is { } slow && !faults.IsActive(slow))
        {
            (_slow, _delayMilliseconds) = (null, null);
        }
    }

    private static void Replace(ref IDisposable? rule, Func<IDisposable>? add)
    {
        rule?.Dispose();
        rule = add?.Invoke();
    }
}
