using System;
using System.Collections.Generic;
using System.Linq;

namespace Cymbio.Demo;

/// <summary>
/// What a run sent, counted client-side: calls by operation, token requests, and the scopes the calls used against
/// those granted.
/// </summary>
/// <param name="Calls">The API requests sent, by operation.</param>
/// <param name="TokenRequests">The requests sent to the token endpoint.</param>
/// <param name="Granted">The scopes the client was granted (<see cref="CymbioClientOptions.Grants"/>).</param>
/// <param name="Elapsed">How long the sync took.</param>
/// <param name="Requested">The scopes the token requests asked for.</param>
/// <param name="Required">The scopes the build found the demo's code requiring (<c>CymbioRequiredScopes.All</c>).</param>
internal sealed record DemoSummary(IReadOnlyList<OperationCalls> Calls, int TokenRequests, ScopeSet Granted, TimeSpan Elapsed, ScopeSet Requested, ScopeSet Required)
{
    /// <summary>Gets the union of the scopes of the operations called.</summary>
    public ScopeSet Used { get; } = Calls.Aggregate(ScopeSet.Empty, static (all, c) => all.Union(c.Scopes));

    /// <summary>Gets the number of API requests sent.</summary>
    public int TotalCalls => Calls.Sum(static c => c.Count);

    /// <summary>Summarizes what <paramref name="counter"/> saw.</summary>
    /// <param name="counter">The run's counter.</param>
    /// <param name="options">The client's options.</param>
    /// <param name="elapsed">How long the sync took.</param>
    /// <returns>The summary.</returns>
    public static DemoSummary From(CallCounter counter, CymbioClientOptions options, TimeSpan elapsed) =>
        new(counter.Calls, counter.TokenRequests, ScopeSet.Create(options.Grants), elapsed, counter.Requested, CymbioRequiredScopes.All);
}
