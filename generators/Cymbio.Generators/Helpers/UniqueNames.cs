using System;
using System.Collections.Generic;

namespace Cymbio.Generators;

/// <summary>Picks the first free name of a sequence of candidates: generated classes, files, constants and members.</summary>
internal static class UniqueNames
{
    /// <summary>
    /// Returns <paramref name="name"/> if <paramref name="used"/> does not hold it yet, else the first of
    /// <paramref name="alternative"/>(2), (3), … that it does not hold; the result is added to <paramref name="used"/>.
    /// </summary>
    public static string Reserve(HashSet<string> used, string name, Func<int, string> alternative) =>
        Reserve(name, alternative, used.Add);

    /// <summary>
    /// The same, for a set keyed by something else than the name (a class name qualified by its namespace, for example):
    /// <paramref name="tryReserve"/> claims a candidate and says whether it was free.
    /// </summary>
    public static string Reserve(string name, Func<int, string> alternative, Func<string, bool> tryReserve)
    {
        if (tryReserve(name))
        {
            return name;
        }

        for (var i = 2; ; i++)
        {
            var candidate = alternative(i);
            if (tryReserve(candidate))
            {
                return candidate;
            }
        }
    }
}
