// Over the ~400-line guideline: splitting this file by concern is issue 9 (refactor), next after issue 8; left whole until then.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Cymbio;

/// <summary>
/// An immutable set of OAuth scopes in canonical form: distinct, case-sensitive, ordered by ordinal comparison.
/// </summary>
/// <remarks>
/// <para>Scopes follow RFC 6749 section 3.3: a scope token is one or more printable ASCII characters other than space,
/// <c>"</c> and <c>\</c>, and scopes are compared case-sensitively (<c>Read:Orders</c> is not <c>read:orders</c>).</para>
/// <para>Two sets with the same scopes are equal whatever order or spacing they were written in, and format to the
/// same space-separated string, so a <see cref="ScopeSet"/> can key a token cache. <see cref="IsSubsetOf"/>,
/// <see cref="Contains"/> and <see cref="Overlaps"/> do not allocate; <see cref="Except"/> and <see cref="Union"/>
/// allocate only when the result differs from both inputs.</para>
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class ScopeSet : IEquatable<ScopeSet>, IReadOnlyList<string>
{
    private readonly string[] _scopes;
    private readonly int _hashCode;
    private string? _text;

    private ScopeSet(string[] canonicalScopes)
    {
        _scopes = canonicalScopes;
        var hash = new HashCode();
        foreach (var scope in canonicalScopes)
        {
            hash.Add(scope, StringComparer.Ordinal);
        }

        _hashCode = hash.ToHashCode();
    }

    /// <summary>Gets the empty set.</summary>
    public static ScopeSet Empty { get; } = new(Array.Empty<string>());

    /// <summary>Gets the number of scopes in the set.</summary>
    public int Count => _scopes.Length;

    /// <summary>Gets the scope at <paramref name="index"/> in canonical (ordinal) order.</summary>
    /// <param name="index">The zero-based position.</param>
    public string this[int index] => _scopes[index];

    /// <summary>Gets a value indicating whether the set is empty.</summary>
    public bool IsEmpty => _scopes.Length == 0;

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

    /// <summary>Determines whether the set contains <paramref name="scope"/> (case-sensitive).</summary>
    /// <param name="scope">The scope to look for.</param>
    /// <returns><see langword="true"/> when the scope is in the set.</returns>
    public bool Contains(string scope) => scope is not null && Array.BinarySearch(_scopes, scope, StringComparer.Ordinal) >= 0;

    /// <summary>Determines whether every scope of this set is in <paramref name="other"/>. Does not allocate.</summary>
    /// <param name="other">The containing set, typically the granted scopes.</param>
    /// <returns><see langword="true"/> when this set is a subset of (or equal to) <paramref name="other"/>.</returns>
    public bool IsSubsetOf(ScopeSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(this, other) || _scopes.Length == 0)
        {
            return true;
        }

        if (_scopes.Length > other._scopes.Length)
        {
            return false;
        }

        return CountMissingFrom(other) == 0;
    }

    /// <summary>Determines whether this set contains every scope of <paramref name="other"/>. Does not allocate.</summary>
    /// <param name="other">The contained set, typically a requirement.</param>
    /// <returns><see langword="true"/> when <paramref name="other"/> is a subset of this set.</returns>
    public bool IsSupersetOf(ScopeSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.IsSubsetOf(this);
    }

    /// <summary>Determines whether the two sets share at least one scope. Does not allocate.</summary>
    /// <param name="other">The other set.</param>
    /// <returns><see langword="true"/> when a scope is in both sets.</returns>
    public bool Overlaps(ScopeSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        int i = 0, j = 0;
        while (i < _scopes.Length && j < other._scopes.Length)
        {
            var c = string.CompareOrdinal(_scopes[i], other._scopes[j]);
            if (c == 0)
            {
                return true;
            }

            if (c < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return false;
    }

    /// <summary>Counts the scopes of this set that are not in <paramref name="other"/>. Does not allocate.</summary>
    /// <param name="other">The set to compare with, typically the granted scopes.</param>
    /// <returns>The size of <c>this.Except(other)</c>.</returns>
    public int CountMissingFrom(ScopeSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        int i = 0, j = 0, missing = 0;
        while (i < _scopes.Length)
        {
            if (j == other._scopes.Length)
            {
                return missing + (_scopes.Length - i);
            }

            var c = string.CompareOrdinal(_scopes[i], other._scopes[j]);
            if (c == 0)
            {
                i++;
                j++;
            }
            else if (c < 0)
            {
                missing++;
                i++;
            }
            else
            {
                j++;
            }
        }

        return missing;
    }

    /// <summary>Returns the scopes of this set that are not in <paramref name="other"/>.</summary>
    /// <param name="other">The set to remove, typically the granted scopes.</param>
    /// <returns>The difference; <see cref="Empty"/> or this instance, without allocating, when nothing or everything is removed.</returns>
    public ScopeSet Except(ScopeSet other)
    {
        var missing = CountMissingFrom(other);
        if (missing == 0)
        {
            return Empty;
        }

        if (missing == _scopes.Length)
        {
            return this;
        }

        var result = new string[missing];
        int i = 0, j = 0, k = 0;
        while (i < _scopes.Length)
        {
            var c = j == other._scopes.Length ? -1 : string.CompareOrdinal(_scopes[i], other._scopes[j]);
            if (c == 0)
            {
                i++;
                j++;
            }
            else if (c < 0)
            {
                result[k++] = _scopes[i++];
            }
            else
            {
                j++;
            }
        }

        return new ScopeSet(result);
    }

    /// <summary>Returns the scopes that are in either set.</summary>
    /// <param name="other">The other set.</param>
    /// <returns>The union; one of the inputs, without allocating, when it already contains the other.</returns>
    public ScopeSet Union(ScopeSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.IsSubsetOf(this))
        {
            return this;
        }

        if (IsSubsetOf(other))
        {
            return other;
        }

        var result = new List<string>(_scopes.Length + other._scopes.Length);
        int i = 0, j = 0;
        while (i < _scopes.Length || j < other._scopes.Length)
        {
            var c = i == _scopes.Length ? 1 : j == other._scopes.Length ? -1 : string.CompareOrdinal(_scopes[i], other._scopes[j]);
            if (c == 0)
            {
                result.Add(_scopes[i++]);
                j++;
            }
            else if (c < 0)
            {
                result.Add(_scopes[i++]);
            }
            else
            {
                result.Add(other._scopes[j++]);
            }
        }

        return new ScopeSet(result.ToArray());
    }

    /// <summary>Formats the set with <paramref name="separator"/> between scopes, in canonical order.</summary>
    /// <param name="separator">The separator, for example <c>","</c> for servers that expect comma-separated scopes.</param>
    /// <returns>The formatted scopes; empty for the empty set.</returns>
    public string ToString(string separator) => string.Join(separator, _scopes);

    /// <summary>Returns the canonical form: the scopes in ordinal order, separated by single spaces.</summary>
    /// <returns>For example <c>read:orders write:inventory</c>; empty for the empty set.</returns>
    public override string ToString() => _text ??= string.Join(' ', _scopes);

    /// <summary>Returns an enumerator over the scopes in canonical order.</summary>
    /// <returns>An allocation-free enumerator.</returns>
    public Enumerator GetEnumerator() => new(_scopes);

    IEnumerator<string> IEnumerable<string>.GetEnumerator() => ((IEnumerable<string>)_scopes).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _scopes.GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(ScopeSet? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._hashCode != _hashCode || other._scopes.Length != _scopes.Length)
        {
            return false;
        }

        for (var i = 0; i < _scopes.Length; i++)
        {
            if (!string.Equals(_scopes[i], other._scopes[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ScopeSet);

    /// <inheritdoc/>
    public override int GetHashCode() => _hashCode;

    /// <summary>Compares two sets for equality.</summary>
    /// <param name="left">The first set.</param>
    /// <param name="right">The second set.</param>
    /// <returns><see langword="true"/> when both hold the same scopes, or both are <see langword="null"/>.</returns>
    public static bool operator ==(ScopeSet? left, ScopeSet? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two sets for inequality.</summary>
    /// <param name="left">The first set.</param>
    /// <param name="right">The second set.</param>
    /// <returns><see langword="true"/> when the sets differ.</returns>
    public static bool operator !=(ScopeSet? left, ScopeSet? right) => !(left == right);

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

    /// <summary>An allocation-free enumerator over a <see cref="ScopeSet"/>.</summary>
    public struct Enumerator : IEnumerator<string>
    {
        private readonly string[] _scopes;
        private int _index;

        internal Enumerator(string[] scopes)
        {
            _scopes = scopes;
            _index = -1;
        }

        /// <inheritdoc/>
        public readonly string Current => _scopes[_index];

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext() => ++_index < _scopes.Length;

        /// <inheritdoc/>
        public void Reset() => _index = -1;

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}
