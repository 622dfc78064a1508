using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Channels;

namespace Cymbio.Emulator;

/// <summary>
/// What the dashboard pages are sent: a snapshot when a page connects, then every token issued or revoked, every
/// request answered and every change of the fault rules, as server-sent events. Each page has its own bounded queue;
/// a page that does not keep up loses its oldest updates, never slows the emulator down.
/// </summary>
internal sealed class DashboardFeed : IDisposable
{
    /// <summary>The most recent requests a snapshot carries.</summary>
    public const int SnapshotRequests = 200;

    private const int QueueCapacity = 2_000;

    private readonly EmulatorState _state;
    private readonly DashboardFaultSwitches _switches;
    private readonly Uri _baseAddress;
    private readonly ConcurrentDictionary<Channel<DashboardMessage>, byte> _pages = new();
    private readonly ConcurrentDictionary<(string Account, ScopeSet Scopes), byte> _scopeSetsIssued = new();

    public DashboardFeed(EmulatorState state, DashboardFaultSwitches switches, Uri baseAddress)
    {
        _state = state;
        _switches = switches;
        _baseAddress = baseAddress;
        foreach (var token in state.Tokens.Issued)
        {
            _scopeSetsIssued.TryAdd((token.Account, token.Scopes), 0);
        }

        state.Tokens.TokenIssued += OnTokenIssued;
        state.Tokens.TokensRevoked += OnTokensRevoked;
        state.Requests.RequestCompleted += OnRequestCompleted;
        state.Faults.Changed += OnFaultsChanged;
        switches.Changed += OnSwitchesChanged;
    }

    /// <summary>Starts a page's feed: its first message is the snapshot, then the updates as they happen.</summary>
    public DashboardSubscription Subscribe()
    {
        var channel = Channel.CreateBounded<DashboardMessage>(new BoundedChannelOptions(QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });

        // Subscribed before the snapshot is taken: an update in between is sent twice (the page keys rows by id),
        // never lost.
        _pages.TryAdd(channel, 0);
        var snapshot = new DashboardMessage("snapshot", JsonSerializer.Serialize(Snapshot(), DashboardJsonContext.Default.DashboardSnapshot));
        return new DashboardSubscription(snapshot, channel.Reader, () => _pages.TryRemove(channel, out _));
    }

    public void Dispose()
    {
        _state.Tokens.TokenIssued -= OnTokenIssued;
        _state.Tokens.TokensRevoked -= OnTokensRevoked;
        _state.Requests.RequestCompleted -= OnRequestCompleted;
        _state.Faults.Changed -= OnFaultsChanged;
        _switches.Changed -= OnSwitchesChanged;
        foreach (var page in _pages.Keys)
        {
            page.Writer.TryComplete();
        }
    }

    private DashboardSnapshot Snapshot()
    {
        // The first token of each account and scope set (the list is ordered by id) is the one that is not a renewal.
        var issued = _state.Tokens.Issued;
        var firsts = issued.GroupBy(static t => (t.Account, t.Scopes)).Select(static g => g.First().Id).ToHashSet();
        var tokens = issued.Select(token => View(token, IsRenewal(token, firstOfItsScopeSet: firsts.Contains(token.Id)))).ToArray();
        var records = _state.Requests.Records;
        var requests = records.Skip(Math.Max(0, records.Count - SnapshotRequests)).Select(DashboardRequest.From).ToArray();
        return new DashboardSnapshot(_state.Clock.GetUtcNow(), _baseAddress.ToString(), tokens, requests, _switches.Current);
    }

    private void OnTokenIssued(EmulatorIssuedToken token)
    {
        var first = _scopeSetsIssued.TryAdd((token.Account, token.Scopes), 0);
        Publish("token", View(token, IsRenewal(token, first)), DashboardJsonContext.Default.DashboardUpdateDashboardToken);
    }

    private void OnTokensRevoked(IReadOnlyList<EmulatorIssuedToken> tokens) =>
        Publish("revoked", tokens.Select(static t => t.Id).ToArray(), DashboardJsonContext.Default.DashboardUpdateInt64Array);

    private void OnRequestCompleted(EmulatorRequestRecord record) =>
        Publish("request", DashboardRequest.From(record), DashboardJsonContext.Default.DashboardUpdateDashboardRequest);

    private void OnFaultsChanged()
    {
        if (!_switches.IsSetting)
        {
            OnSwitchesChanged();
        }
    }

    private void OnSwitchesChanged() => Publish("faults", _switches.Current, DashboardJsonContext.Default.DashboardUpdateDashboardFaults);

    /// <summary>A renewal: a refresh-token grant, or a token for an account and scope set that had one before.</summary>
    private static bool IsRenewal(EmulatorIssuedToken token, bool firstOfItsScopeSet) => !firstOfItsScopeSet || token.Grant == "refresh_token";

    private static DashboardToken View(EmulatorIssuedToken token, bool renewal) =>
        new(token.Id, token.Account, token.Grant, token.Scopes.ToArray(), token.IssuedAt, token.ExpiresAt, renewal, token.Revoked);

    private void Publish<T>(string kind, T data, JsonTypeInfo<DashboardUpdate<T>> typeInfo)
    {
        if (_pages.IsEmpty)
        {
            return;
        }

        var message = new DashboardMessage(kind, JsonSerializer.Serialize(new DashboardUpdate<T>(_state.Clock.GetUtcNow(), data), typeInfo));
        foreach (var page in _pages.Keys)
        {
            page.Writer.TryWrite(message);
        }
    }
}

/// <summary>One server-sent event: its name and its JSON data (one line: JSON escapes every line break).</summary>
internal sealed record DashboardMessage(string Event, string Data);

/// <summary>A page's feed; dispose it when the page goes away.</summary>
internal sealed class DashboardSubscription(DashboardMessage snapshot, ChannelReader<DashboardMessage> updates, Action unsubscribe) : IDisposable
{
    private int _disposed;

    public DashboardMessage Snapshot { get; } = snapshot;

    public ChannelReader<DashboardMessage> Updates { get; } = updates;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            unsubscribe();
        }
    }
}
