using System;
using System.Collections.Generic;
using System.Linq;
using Cymbio.Api;
using Cymbio.Api.Suppliers;

namespace Cymbio.Emulator;

/// <summary>
/// The emulator's in-memory Cymbio: fulfillments, returns and the other resources the routes read and write. Every
/// change happens under one lock after the request was validated, so an accepted write is never half applied. Tests
/// read it (and add to it) through the public members; the routes use the internal ones.
/// </summary>
public sealed partial class EmulatorData
{
    private readonly object _gate = new();
    private readonly TimeProvider _clock;
    private readonly SortedDictionary<long, FulfillmentRecord> _fulfillments = new();
    private readonly List<SupplierReturn> _returns = new();
    private readonly HashSet<string> _rejectIds = new(StringComparer.Ordinal);
    private long _nextId = 10_000;

    internal EmulatorData(TimeProvider clock, bool seed)
    {
        _clock = clock;
        if (seed)
        {
            Seed();
        }
    }

    /// <summary>The fulfillments of a supplier, by id.</summary>
    /// <param name="supplierId">The supplier.</param>
    /// <returns>A snapshot.</returns>
    public IReadOnlyList<Fulfillment> Fulfillments(long supplierId)
    {
        lock (_gate)
        {
            return _fulfillments.Values.Where(f => f.SupplierId == supplierId).Select(static f => f.Value).ToArray();
        }
    }

    /// <summary>One fulfillment, or <see langword="null"/>.</summary>
    /// <param name="fulfillmentId">The fulfillment id.</param>
    /// <returns>A snapshot.</returns>
    public Fulfillment? Fulfillment(long fulfillmentId)
    {
        lock (_gate)
        {
            return _fulfillments.TryGetValue(fulfillmentId, out var record) ? record.Value : null;
        }
    }

    /// <summary>Adds a fulfillment for a supplier (for example a new order in a test); its id is assigned when 0.</summary>
    /// <param name="supplierId">The supplier.</param>
    /// <param name="fulfillment">The fulfillment.</param>
    /// <returns>The fulfillment as stored.</returns>
    public Fulfillment AddFulfillment(long supplierId, Fulfillment fulfillment)
    {
        ArgumentNullException.ThrowIfNull(fulfillment);
        lock (_gate)
        {
            var id = fulfillment.Id == 0 ? NextId() : fulfillment.Id;
            if (_fulfillments.ContainsKey(id))
            {
                throw new ArgumentException($"Fulfillment {id} exists already.", nameof(fulfillment));
            }

            var now = _clock.GetUtcNow();
            var stored = fulfillment with { Id = id, CreatedAt = fulfillment.CreatedAt ?? now, UpdatedAt = fulfillment.UpdatedAt ?? now };
            _fulfillments[id] = new FulfillmentRecord(supplierId, stored);
            return stored;
        }
    }

    /// <summary>Asks for the cancellation of a fulfillment, as a retailer does: its state becomes <c>canceling</c>.</summary>
    /// <param name="fulfillmentId">The fulfillment.</param>
    /// <returns>The fulfillment as stored.</returns>
    public Fulfillment RequestCancellation(long fulfillmentId)
    {
        lock (_gate)
        {
            var record = _fulfillments.TryGetValue(fulfillmentId, out var r) ? r : throw new ArgumentException($"No fulfillment {fulfillmentId}.", nameof(fulfillmentId));
            return Update(record, f => f with { FulfillmentState = FulfillmentStates.Canceling }, stateBeforeCancellation: record.Value.FulfillmentState).Value;
        }
    }

    /// <summary>The returns of a supplier's fulfillments.</summary>
    /// <param name="supplierId">The supplier.</param>
    /// <returns>A snapshot.</returns>
    public IReadOnlyList<SupplierReturn> Returns(long supplierId)
    {
        lock (_gate)
        {
            return _returns.Where(r => r.FulfillmentId is { } f && _fulfillments.TryGetValue(f, out var record) && record.SupplierId == supplierId).ToArray();
        }
    }

    internal long NextId() => ++_nextId;

    internal DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>Runs <paramref name="change"/> under the data lock.</summary>
    internal T Locked<T>(Func<T> change)
    {
        lock (_gate)
        {
            return change();
        }
    }

    internal FulfillmentRecord? FindFulfillment(long supplierId, long fulfillmentId) =>
        _fulfillments.TryGetValue(fulfillmentId, out var record) && record.SupplierId == supplierId ? record : null;

    internal IEnumerable<FulfillmentRecord> FulfillmentRecords => _fulfillments.Values;

    internal FulfillmentRecord Update(FulfillmentRecord record, Func<Fulfillment, Fulfillment> change, string? stateBeforeCancellation = null)
    {
        var updated = record with
        {
            Value = change(record.Value) with { UpdatedAt = _clock.GetUtcNow() },
            StateBeforeCancellation = stateBeforeCancellation ?? record.StateBeforeCancellation,
        };
        _fulfillments[record.Value.Id] = updated;
        return updated;
    }

    internal void Replace(FulfillmentRecord record) => _fulfillments[record.Value.Id] = record;

    internal bool AddRejectId(string rejectId) => _rejectIds.Add(rejectId);

    internal bool IsNewRejectId(string rejectId) => !_rejectIds.Contains(rejectId);

    internal List<SupplierReturn> ReturnRecords => _returns;

    /// <summary>A stored fulfillment with the supplier it belongs to and what the emulator tracks beside it.</summary>
    internal sealed record FulfillmentRecord(long SupplierId, Fulfillment Value)
    {
        public string? StateBeforeCancellation { get; init; }

        /// <summary>Quantities shipped so far, by line index.</summary>
        public IReadOnlyDictionary<int, int> Shipped { get; init; } = new Dictionary<int, int>();

        /// <summary>Quantities rejected so far, by line index.</summary>
        public IReadOnlyDictionary<int, int> Rejected { get; init; } = new Dictionary<int, int>();
    }
}
