using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Cymbio.Demo;

/// <summary>
/// Counts what goes over the wire, client-side (so it works against staging as against the emulator): the API
/// requests by operation, from Refit's request options (<c>Refit.InterfaceType</c>, <c>Refit.MethodName</c>), and the
/// requests to the token endpoint. It is <see cref="CymbioClient"/>'s primary handler, below the scope check: a call
/// refused for a missing scope never reaches it.
/// </summary>
internal sealed class CallCounter : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<Type> InterfaceTypeKey = new("Refit.InterfaceType");
    private static readonly HttpRequestOptionsKey<string> MethodNameKey = new("Refit.MethodName");
    private static readonly HttpRequestOptionsKey<string> RouteTemplateKey = new("Refit.RelativePathTemplate");

    private readonly ConcurrentDictionary<string, OperationCalls> _calls = new(StringComparer.Ordinal);
    private readonly Uri? _tokenEndpoint;
    private int _tokenRequests;
    private readonly Lock _requestedLock = new();
    private int _otherRequests;
    private ScopeSet _requested = ScopeSet.Empty;

    /// <summary>Initializes the counter.</summary>
    /// <param name="tokenEndpoint">The token endpoint (<see cref="CymbioClientOptions.TokenEndpoint"/>).</param>
    /// <param name="inner">The transport.</param>
    public CallCounter(Uri? tokenEndpoint, HttpMessageHandler inner)
        : base(inner)
    {
        _tokenEndpoint = tokenEndpoint;
    }

    /// <summary>Gets the number of requests sent to the token endpoint (every attempt).</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>Gets the number of requests that were neither API operations nor token requests.</summary>
    public int OtherRequests => Volatile.Read(ref _otherRequests);

    /// <summary>Gets the union of the scopes the token requests asked for.</summary>
    public ScopeSet Requested
    {
        get
        {
            lock (_requestedLock)
            {
                return _requested;
            }
        }
    }

    /// <summary>Gets the API requests sent, by operation, in name order.</summary>
    public IReadOnlyList<OperationCalls> Calls => _calls.Values.OrderBy(static c => c.Name, StringComparer.Ordinal).ToArray();

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(InterfaceTypeKey, out var api) && request.Options.TryGetValue(MethodNameKey, out var method))
        {
            request.Options.TryGetValue(RouteTemplateKey, out var template);
            var scopes = CymbioScopeRegistry.TryGetOperation(api, method, request.Method.Method, template, out var operation) ? operation.Scopes : ScopeSet.Empty;
            _calls.AddOrUpdate($"{api.Name}.{method}", static (name, s) => new OperationCalls(name, 1, s), static (_, c, _) => c with { Count = c.Count + 1 }, scopes);
        }
        else if (_tokenEndpoint is not null && request.RequestUri is { } uri && Uri.Compare(uri, _tokenEndpoint, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            Interlocked.Increment(ref _tokenRequests);
            if (request.Content is FormUrlEncodedContent form && RequestedScope(await form.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)) is { } scope)
            {
                lock (_requestedLock)
                {
                    _requested = _requested.Union(scope);
                }
            }
        }
        else
        {
            Interlocked.Increment(ref _otherRequests);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The <c>scope</c> field of a form-encoded token request (scopes only; the secrets in the form are not kept).</summary>
    private static ScopeSet? RequestedScope(string form)
    {
        foreach (var pair in form.Split('&'))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0 && pair.AsSpan(0, separator).SequenceEqual("scope") && ScopeSet.TryParse(WebUtility.UrlDecode(pair[(separator + 1)..]), out var scopes))
            {
                return scopes;
            }
        }

        return null;
    }
}

/// <summary>The requests sent for one operation.</summary>
/// <param name="Name">The operation, as <c>Interface.Method</c>, for example <c>ISupplierFulfillmentsApi.AcceptAsync</c>.</param>
/// <param name="Count">How many requests were sent (replays included).</param>
/// <param name="Scopes">The scopes the operation requires, from <see cref="CymbioScopeRegistry"/>.</param>
internal sealed record OperationCalls(string Name, int Count, ScopeSet Scopes);
