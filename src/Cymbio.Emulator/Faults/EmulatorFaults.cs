using System;
using System.Collections.Generic;
using System.Linq;

namespace Cymbio.Emulator;

/// <summary>
/// Fault injection: each rule plays a fault on the token endpoint or on one route (method and route template, as in
/// Cymbio.Api's interfaces), a number of times or until removed. Rules are tried oldest first; the first one that
/// matches and has uses left is used (and counted down).
/// </summary>
public sealed class EmulatorFaults
{
    private readonly object _gate = new();
    private readonly List<Rule> _rules = new();

    internal EmulatorFaults()
    {
    }

    /// <summary>Raised after a rule is added or removed, or runs out.</summary>
    public event Action? Changed;

    /// <summary>The rules in force, oldest first.</summary>
    public IReadOnlyList<EmulatorFaultRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return _rules.Select(static r => r.Snapshot()).ToArray();
            }
        }
    }

    /// <summary>Plays <paramref name="fault"/> on the next <paramref name="times"/> token requests.</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="times">How many requests it affects; <see langword="null"/> for every request until the rule is disposed.</param>
    /// <returns>The rule; dispose it to remove it early.</returns>
    public IDisposable OnTokenEndpoint(EmulatorFault fault, int? times = 1) => Add(EmulatorFaultRule.TokenEndpointTarget, null, fault, times);

    /// <summary>Plays <paramref name="fault"/> on the next <paramref name="times"/> requests of one route.</summary>
    /// <param name="method">The HTTP method, for example <c>GET</c>.</param>
    /// <param name="routeTemplate">The route template as Cymbio.Api declares it, for example <c>/v3/suppliers/{supplierId}/fulfillments</c>.</param>
    /// <param name="fault">The fault.</param>
    /// <param name="times">How many requests it affects; <see langword="null"/> for every request until the rule is disposed.</param>
    /// <returns>The rule; dispose it to remove it early.</returns>
    public IDisposable OnRoute(string method, string routeTemplate, EmulatorFault fault, int? times = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(routeTemplate);
        return Add(routeTemplate, method.ToUpperInvariant(), fault, times);
    }

    /// <summary>Plays <paramref name="fault"/> on the next <paramref name="times"/> API requests, whatever their route.</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="times">How many requests it affects; <see langword="null"/> for every request until the rule is disposed.</param>
    /// <returns>The rule; dispose it to remove it early.</returns>
    public IDisposable OnEveryRoute(EmulatorFault fault, int? times = 1) => Add(EmulatorFaultRule.AnyRouteTarget, null, fault, times);

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }

        Changed?.Invoke();
    }

    /// <summary>Whether a rule this instance returned is still in force (not disposed, used up or cleared).</summary>
    internal bool IsActive(IDisposable rule)
    {
        lock (_gate)
        {
            return rule is Rule r && _rules.Contains(r);
        }
    }

    internal EmulatorFault? TakeForTokenEndpoint() => Take(EmulatorFaultRule.TokenEndpointTarget, null);

    internal EmulatorFault? TakeForRoute(string method, string routeTemplate) => Take(routeTemplate, method);

    private IDisposable Add(string target, string? method, EmulatorFault fault, int? times)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (times is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(times), times, "A fault rule affects at least one request.");
        }

        var rule = new Rule(this, target, method, fault, times);
        lock (_gate)
        {
            _rules.Add(rule);
        }

        Changed?.Invoke();
        return rule;
    }

    private EmulatorFault? Take(string target, string? method)
    {
        EmulatorFault? taken = null;
        var ranOut = false;
        lock (_gate)
        {
            foreach (var rule in _rules)
            {
                if (rule.Matches(target, method))
                {
                    taken = rule.Fault;
                    if (rule.Remaining is { } left)
                    {
                        rule.Remaining = left - 1;
                        if (left == 1)
                        {
                            _rules.Remove(rule);
                            ranOut = true;
                        }
                    }

                    break;
                }
            }
        }

        if (ranOut)
        {
            Changed?.Invoke();
        }

        return taken;
    }

    private void Remove(Rule rule)
    {
        bool removed;
        lock (_gate)
        {
            removed = _rules.Remove(rule);
        }

        if (removed)
        {
            Changed?.Invoke();
        }
    }

    private sealed class Rule(EmulatorFaults owner, string target, string? method, EmulatorFault fault, int? remaining) : IDisposable
    {
        public EmulatorFault Fault { get; } = fault;

        public int? Remaining { get; set; } = remaining;

        public bool Matches(string requestTarget, string? requestMethod)
        {
            if (string.Equals(target, EmulatorFaultRule.TokenEndpointTarget, StringComparison.Ordinal))
            {
                return string.Equals(requestTarget, target, StringComparison.Ordinal);
            }

            if (string.Equals(requestTarget, EmulatorFaultRule.TokenEndpointTarget, StringComparison.Ordinal))
            {
                return false;
            }

            return string.Equals(target, EmulatorFaultRule.AnyRouteTarget, StringComparison.Ordinal)
                || (string.Equals(target, requestTarget, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(method, requestMethod, StringComparison.OrdinalIgnoreCase));
        }

        public EmulatorFaultRule Snapshot() => new(method is null ? target : $"{method} {target}", Fault, Remaining);

        public void Dispose() => owner.Remove(this);
    }
}
