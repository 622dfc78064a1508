using System;
using System.Collections.Generic;
using System.Text;

namespace Cymbio;

/// <summary>
/// Reads the compact scope table that generated code registers (<see cref="CymbioScopeRegistry.Register(Type, string)"/>):
/// one record per operation, each ended by <c>\n</c>, with four fields separated by <c>\t</c>:
/// <list type="number">
/// <item>the method name as Refit reports it;</item>
/// <item>the HTTP method, or empty when unknown;</item>
/// <item>the required scopes separated by spaces (empty for none), or <c>!</c> when no requirement was declared;</item>
/// <item>the route template as Refit reports it, with <c>\</c>, tab and line feed written <c>\\</c>, <c>\t</c> and
/// <c>\n</c>; the field is absent when the route is unknown.</item>
/// </list>
/// One string constant per interface compiles much faster than an object graph built in code (issue 8's build-time bar).
/// </summary>
internal static class CymbioScopeTableText
{
    private const char FieldSeparator = '\t';
    private const char RecordEnd = '\n';
    private const string Undeclared = "!";

    /// <summary>Parses a table; equal scope sets share one instance.</summary>
    /// <exception cref="FormatException">The text is not a scope table.</exception>
    public static CymbioOperation[] Parse(string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var operations = new List<CymbioOperation>();
        var scopeSets = new Dictionary<string, ScopeSet>(StringComparer.Ordinal);
        var start = 0;
        while (start < table.Length)
        {
            var end = table.IndexOf(RecordEnd, start);
            if (end < 0)
            {
                throw new FormatException("A generated scope table record is not terminated.");
            }

            operations.Add(ParseRecord(table.AsSpan(start, end - start), scopeSets));
            start = end + 1;
        }

        return operations.ToArray();
    }

    private static CymbioOperation ParseRecord(ReadOnlySpan<char> record, Dictionary<string, ScopeSet> scopeSets)
    {
        var name = NextField(ref record, out var more);
        var verb = more ? NextField(ref record, out more) : throw Malformed();
        var scopes = more ? NextField(ref record, out more) : throw Malformed();
        string? route = more ? Unescape(record) : null;

        var declared = !scopes.SequenceEqual(Undeclared);
        var scopeText = declared ? scopes.ToString() : string.Empty;
        if (!scopeSets.TryGetValue(scopeText, out var set))
        {
            scopeSets[scopeText] = set = ScopeSet.Parse(scopeText);
        }

        return new CymbioOperation(name.ToString(), verb.IsEmpty ? null : verb.ToString(), route, set, declared);
    }

    private static ReadOnlySpan<char> NextField(ref ReadOnlySpan<char> record, out bool more)
    {
        var separator = record.IndexOf(FieldSeparator);
        more = separator >= 0;
        var field = more ? record[..separator] : record;
        record = more ? record[(separator + 1)..] : ReadOnlySpan<char>.Empty;
        return field;
    }

    private static string Unescape(ReadOnlySpan<char> route)
    {
        if (route.IndexOf('\\') < 0)
        {
            return route.ToString();
        }

        var builder = new StringBuilder(route.Length);
        for (var i = 0; i < route.Length; i++)
        {
            if (route[i] != '\\' || i + 1 == route.Length)
            {
                builder.Append(route[i]);
                continue;
            }

            builder.Append(route[++i] switch
            {
                't' => '\t',
                'n' => '\n',
                '\\' => '\\',
                var other => throw new FormatException($"A generated scope table route has an unknown escape '\\{other}'."),
            });
        }

        return builder.ToString();
    }

    private static FormatException Malformed() => new("A generated scope table record has fewer than three fields.");
}
