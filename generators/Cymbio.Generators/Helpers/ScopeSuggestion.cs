using System;
using System.Collections.Generic;

namespace Cymbio.Generators;

/// <summary>
/// "Did you mean": the closest known name (a scope, a manifest member) to a misspelt one. Shared source: compiled into the generator (CYM0006,
/// manifest members) and linked into Cymbio.Client (start-up validation of <c>Grants</c>), so both suggest the same name.
/// </summary>
internal static class ScopeSuggestion
{
    /// <summary>The closest candidate to <paramref name="value"/>, if one is close enough to be a likely typo.</summary>
    public static string? Suggest(string value, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var limit = Math.Max(2, value.Length / 3);
        foreach (var candidate in candidates)
        {
            var distance = Distance(value, candidate, limit);
            if (distance <= limit && (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0)))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Levenshtein distance (a difference in case alone counts 1), or int.MaxValue beyond <paramref name="limit"/>.</summary>
    private static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return int.MaxValue;
            }

            (previous, current) = (current, previous);
        }

        var result = previous[b.Length];
        // A difference in case alone is a real difference (scopes are case-sensitive) but the closest possible typo.
        return result == 0 && !string.Equals(a, b, StringComparison.Ordinal) ? 1 : result;
    }
}
