using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;

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
public sealed partial class ScopeSet : IEquatable<ScopeSet>, IReadOnlyList<string>
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
