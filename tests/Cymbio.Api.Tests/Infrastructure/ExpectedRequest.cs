using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Cymbio.Api.Tests.Infrastructure;

/// <summary>What one request case expects on the wire: HTTP method, path and query, JSON body (<see langword="null"/>: none).</summary>
internal readonly record struct ExpectedRequest(string Method, string PathAndQuery, string? Body)
{
    /// <summary>The expectations of a table of interface cases, by case name, without the calls.</summary>
    public static IEnumerable<KeyValuePair<string, ExpectedRequest>> Of<TTarget>(
        IReadOnlyDictionary<string, (Func<TTarget, Task> Call, string Method, string PathAndQuery, string? Body)> cases) =>
        cases.Select(static c => KeyValuePair.Create(c.Key, new ExpectedRequest(c.Value.Method, c.Value.PathAndQuery, c.Value.Body)));

    /// <summary>Several tables' expectations in one dictionary; a case name found twice throws.</summary>
    public static IReadOnlyDictionary<string, ExpectedRequest> Merge(params IEnumerable<KeyValuePair<string, ExpectedRequest>>[] tables)
    {
        var merged = new Dictionary<string, ExpectedRequest>(StringComparer.Ordinal);
        foreach (var (name, expected) in tables.SelectMany(static t => t))
        {
            merged.Add(name, expected);
        }

        return merged;
    }
}
