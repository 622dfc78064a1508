using System;
using System.Collections.Concurrent;

namespace Cymbio;

/// <summary>
/// The in-process token cache of one provider: an entry per scope set. One provider serves one endpoint, client, user
/// and grant (fixed at construction), so the scope set is the rest of the cache key: different credentials never share
/// a cache, an entry or a token.
/// </summary>
internal sealed class TokenCache : IDisposable
{
    private readonly ConcurrentDictionary<ScopeSet, TokenCacheEntry> _entries = new();
    private readonly TimeProvider _time;
    private LastEntry? _last;

    /// <summary>Initializes an empty cache.</summary>
    /// <param name="time">The time source the entries use.</param>
    public TokenCache(TimeProvider time) => _time = time;

    /// <summary>
    /// Gets the entry for <paramref name="scopes"/>, created when missing. The entry last looked up is remembered:
    /// the handler asks with the same scope-set instance call after call, so that lookup is a reference comparison.
    /// </summary>
    /// <param name="scopes">The scope set.</param>
    /// <returns>The entry.</returns>
    public TokenCacheEntry Entry(ScopeSet scopes)
    {
        var last = _last;
        if (last is not null && ReferenceEquals(last.Scopes, scopes))
        {
            return last.Entry;
        }

        var entry = GetOrAdd(scopes);
        _last = new LastEntry(scopes, entry);
        return entry;
    }

    /// <summary>Gets the entry for <paramref name="scopes"/>, created when missing, without remembering it.</summary>
    /// <param name="scopes">The scope set.</param>
    /// <returns>The entry.</returns>
    public TokenCacheEntry GetOrAdd(ScopeSet scopes) =>
        _entries.GetOrAdd(scopes, static (key, time) => new TokenCacheEntry(key, time), _time);

    /// <summary>Gets the entry for <paramref name="scopes"/> if there is one.</summary>
    /// <param name="scopes">The scope set.</param>
    /// <returns>The entry, or <see langword="null"/>.</returns>
    public TokenCacheEntry? Find(ScopeSet scopes) => _entries.TryGetValue(scopes, out var entry) ? entry : null;

    /// <summary>Stops every entry's renewal timer.</summary>
    public void Dispose()
    {
        foreach (var entry in _entries.Values)
        {
            entry.Dispose();
        }
    }

    private sealed record LastEntry(ScopeSet Scopes, TokenCacheEntry Entry);
}
