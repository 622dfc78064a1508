using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;

namespace Cymbio;

internal sealed partial class DistributedTokenSource
{
    /// <summary>
    /// The cross-process single flight: a claim in the distributed cache, expiring after
    /// <see cref="CymbioDistributedTokenCacheOptions.LeaseWait"/> so a process that dies holding it blocks nobody for longer.
    /// <see cref="IDistributedCache"/> has no atomic "add if absent", so a claim is written, left to settle, and read
    /// back: of processes that claim at once, only the one whose claim landed last reads its own and fetches. When the
    /// cache is unavailable, every process counts as the holder and fetches its own token.
    /// </summary>
    private sealed class Lease(DistributedTokenSource owner, string key)
    {
        private readonly byte[] _id = Guid.NewGuid().ToByteArray();
        private bool _held;

        /// <summary>Whether this process holds a claim it wrote (not merely "holder" because the cache could not be read).</summary>
        public bool Claimed => _held;

        public async Task<bool> TryTakeAsync(CancellationToken cancellationToken)
        {
            var (read, existing) = await owner.TryAsync(ct => owner._cache.GetAsync(key, ct), cancellationToken).ConfigureAwait(false);
            if (!read)
            {
                return true;
            }

            if (existing is not null && !IsOurs(existing))
            {
                return false;
            }

            var entry = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = owner._options.LeaseWait };
            if (!await owner.TryAsync(ct => owner._cache.SetAsync(key, _id, entry, ct), cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            _held = true;
            await Task.Delay(owner._options.LeaseSettle, owner._time, cancellationToken).ConfigureAwait(false);
            var (readBack, claimed) = await owner.TryAsync(ct => owner._cache.GetAsync(key, ct), cancellationToken).ConfigureAwait(false);
            _held = !readBack || claimed is null || IsOurs(claimed);
            return _held;
        }

        /// <summary>Whether another process still holds the lease (an unreadable cache holds nothing).</summary>
        public async Task<bool> IsHeldByOtherAsync(CancellationToken cancellationToken)
        {
            var (read, claimed) = await owner.TryAsync(ct => owner._cache.GetAsync(key, ct), cancellationToken).ConfigureAwait(false);
            return read && claimed is not null && !IsOurs(claimed);
        }

        /// <summary>Gives the lease up when this process still holds it, so that waiting processes need not wait for its expiry.</summary>
        public async Task ReleaseAsync()
        {
            if (!_held)
            {
                return;
            }

            var (read, claimed) = await owner.TryAsync(ct => owner._cache.GetAsync(key, ct), CancellationToken.None).ConfigureAwait(false);
            if (read && claimed is not null && IsOurs(claimed))
            {
                await owner.TryAsync(ct => owner._cache.RemoveAsync(key, ct), CancellationToken.None).ConfigureAwait(false);
            }
        }

        private bool IsOurs(byte[] claim) => claim.AsSpan().SequenceEqual(_id);
    }
}
