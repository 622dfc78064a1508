using System;
using System.Collections.Generic;

namespace Cymbio;

// Set operations without allocation where the result is known: membership, subset, overlap, difference, union. (The type is documented in ScopeSet.cs.)
public sealed partial class ScopeSet
{
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
}
