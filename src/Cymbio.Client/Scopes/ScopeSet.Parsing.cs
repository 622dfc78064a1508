using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Cymbio;

// Creating and parsing scope sets (RFC 6749 section 3.3 scope tokens). (The type is documented in ScopeSet.cs.)
public sealed partial class ScopeSet
{
    /// <summary>Creates a set from scopes given one by one.</summary>
    /// <param name="scopes">The scopes; order and duplicates do not matter.</param>
    /// <returns>The canonical set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scopes"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">A scope is empty or not an RFC 6749 scope token.</exception>
    public static ScopeSet Create(params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        return Create((IEnumerable<string>)scopes);
    }

    /// <summary>Creates a set from a sequence of scopes.</summary>
    /// <param name="scopes">The scopes; order and duplicates do not matter.</param>
    /// <returns>The canonical set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scopes"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">A scope is empty or not an RFC 6749 scope token.</exception>
    public static ScopeSet Create(IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var list = new List<string>();
        foreach (var scope in scopes)
        {
            if (!IsValidScope(scope))
            {
                throw new FormatException($"'{scope}' is not a valid OAuth scope: a scope is one or more printable ASCII characters other than space, '\"' and '\\' (RFC 6749 section 3.3).");
            }

            list.Add(scope);
        }

        return FromUnsorted(list);
    }

    /// <summary>Parses a space-separated scope string, such as the <c>scope</c> parameter of a token request.</summary>
    /// <param name="value">The scopes, separated by one or more spaces; leading and trailing spaces are ignored.</param>
    /// <returns>The canonical set; empty for an empty or blank string.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">A scope is not an RFC 6749 scope token.</exception>
    public static ScopeSet Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!TryParse(value, out var result, out var invalid))
        {
            throw new FormatException($"'{invalid}' is not a valid OAuth scope: a scope is one or more printable ASCII characters other than space, '\"' and '\\' (RFC 6749 section 3.3).");
        }

        return result;
    }

    /// <summary>Tries to parse a space-separated scope string.</summary>
    /// <param name="value">The scopes, separated by one or more spaces.</param>
    /// <param name="result">The canonical set, when parsing succeeds.</param>
    /// <returns><see langword="true"/> when every scope is a valid scope token.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out ScopeSet? result)
    {
        if (value is null)
        {
            result = null;
            return false;
        }

        return TryParse(value, out result, out _);
    }

    /// <summary>Determines whether <paramref name="scope"/> is an RFC 6749 scope token.</summary>
    /// <param name="scope">The candidate scope.</param>
    /// <returns><see langword="true"/> for one or more characters in <c>%x21 / %x23-5B / %x5D-7E</c>.</returns>
    public static bool IsValidScope([NotNullWhen(true)] string? scope)
    {
        if (string.IsNullOrEmpty(scope))
        {
            return false;
        }

        foreach (var c in scope)
        {
            if (!IsScopeChar(c))
            {
                return false;
            }
        }

        return true;
    }


    private static bool TryParse(string value, [NotNullWhen(true)] out ScopeSet? result, out string? invalid)
    {
        result = null;
        invalid = null;
        List<string>? scopes = null;
        var span = value.AsSpan();
        var start = -1;
        for (var i = 0; i <= span.Length; i++)
        {
            var atSeparator = i == span.Length || span[i] == ' ';
            if (!atSeparator)
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start < 0)
            {
                continue;
            }

            var token = span.Slice(start, i - start);
            foreach (var c in token)
            {
                if (!IsScopeChar(c))
                {
                    invalid = token.ToString();
                    return false;
                }
            }

            (scopes ??= new List<string>()).Add(token.ToString());
            start = -1;
        }

        result = scopes is null ? Empty : FromUnsorted(scopes);
        return true;
    }

    private static ScopeSet FromUnsorted(List<string> scopes)
    {
        if (scopes.Count == 0)
        {
            return Empty;
        }

        scopes.Sort(StringComparer.Ordinal);
        var write = 1;
        for (var read = 1; read < scopes.Count; read++)
        {
            if (!string.Equals(scopes[read], scopes[write - 1], StringComparison.Ordinal))
            {
                scopes[write++] = scopes[read];
            }
        }

        var canonical = new string[write];
        scopes.CopyTo(0, canonical, 0, write);
        return new ScopeSet(canonical);
    }

    private static bool IsScopeChar(char c) => c == '\x21' || (c >= '\x23' && c <= '\x5B') || (c >= '\x5D' && c <= '\x7E');
}
