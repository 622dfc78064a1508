using System.Threading;
using System.Threading.Tasks;

namespace Cymbio.Client.Tests.Runtime.Harness;

/// <summary>
/// Counts the callers that asked the wrapped provider for a token (the call has returned its pending task, so the
/// caller is waiting) and remembers the last token handed out.
/// </summary>
internal sealed class CountingTokenProvider : ICymbioTokenProvider
{
    private readonly ICymbioTokenProvider _inner;
    private int _calls;
    private CymbioToken? _last;

    public CountingTokenProvider(ICymbioTokenProvider inner) => _inner = inner;

    public int Calls => Volatile.Read(ref _calls);

    public CymbioToken? LastToken => Volatile.Read(ref _last);

    public Task WaitForCallsAsync(int count) =>
        RuntimeHarness.WaitUntilAsync(() => Calls >= count, $"{count} callers waiting for a token (have {Calls})");

    public async ValueTask<CymbioToken> GetTokenAsync(ScopeSet scopes, CancellationToken cancellationToken = default)
    {
        var pending = _inner.GetTokenAsync(scopes, cancellationToken);
        Interlocked.Increment(ref _calls);
        var token = await pending.ConfigureAwait(false);
        Volatile.Write(ref _last, token);
        return token;
    }

    public ValueTask<CymbioToken> RenewAsync(CymbioToken rejected, CancellationToken cancellationToken = default) =>
        _inner.RenewAsync(rejected, cancellationToken);
}
