using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cymbio;

/// <summary>
/// Attaches Cymbio bearer tokens to Refit calls, least-privilege and fail-closed.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The operation comes from Refit's request options (<c>Refit.InterfaceType</c>, <c>Refit.MethodName</c>,
/// <c>Refit.RelativePathTemplate</c>) and the generated scope table; a request to Cymbio that is not a known operation
/// is refused.</item>
/// <item>An operation needing scopes outside the configured grants fails before any network call
/// (<see cref="ScopeNotGrantedException"/>).</item>
/// <item>The token's scopes follow <see cref="CymbioClientOptions.ScopeStrategy"/>: every grant, the operation's own,
/// or the scopes the build derived for the application (<see cref="CymbioRequiredScopesAttribute"/>), widened with a
/// warning for a call the build did not see.</item>
/// <item>No token, no request. Requests to any other host are passed on without an <c>Authorization</c> header.</item>
/// <item>401: the token is renewed once and the request re-sent, when its body can be re-sent byte for byte; a second
/// 401 is <see cref="CymbioUnauthorizedException"/>. 403 <c>insufficient_scope</c> is
/// <see cref="InsufficientScopeException"/>.</item>
/// </list>
/// </remarks>
public sealed class CymbioAuthenticationHandler : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<Type> InterfaceTypeKey = new("Refit.InterfaceType");
    private static readonly HttpRequestOptionsKey<string> MethodNameKey = new("Refit.MethodName");

    private readonly ICymbioTokenProvider _tokens;
    private readonly CymbioClientOptions _options;
    private readonly ILogger _logger;
    private readonly ScopeSet _grants;
    private readonly Uri _baseAddress;
    private readonly string _basePrefix;
    private readonly string? _insecure;
    private readonly RequiredScopes? _required;
    private readonly ScopeSet _derived;
    private ResolvedOperation? _lastResolved;

    /// <summary>Initializes the handler.</summary>
    /// <param name="tokens">The token provider (a singleton: the handler captures nothing scoped).</param>
    /// <param name="options">The options.</param>
    /// <param name="logger">The logger; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">
    /// The options have no base address, or their <see cref="CymbioClientOptions.ScopeStrategy"/> is
    /// <see cref="CymbioScopeStrategy.Required"/> and no loaded assembly carries <see cref="CymbioRequiredScopesAttribute"/>.
    /// </exception>
    public CymbioAuthenticationHandler(ICymbioTokenProvider tokens, CymbioClientOptions options, ILogger<CymbioAuthenticationHandler>? logger = null)
        : this(tokens, options, logger, options?.ScopeStrategy == CymbioScopeStrategy.Required ? RequiredScopes.OfLoadedAssemblies() : null)
    {
    }

    /// <summary>Initializes the handler with the derived scopes of its application client (see <see cref="RequiredScopes"/>).</summary>
    internal CymbioAuthenticationHandler(ICymbioTokenProvider tokens, CymbioClientOptions options, ILogger<CymbioAuthenticationHandler>? logger, RequiredScopes? required)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(options);
        _tokens = tokens;
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _grants = ScopeSet.Create(options.Grants);
        _baseAddress = new Uri((options.EffectiveBaseAddress ?? throw new ArgumentException("The options have no base address.", nameof(options))).GetLeftPart(UriPartial.Authority) + "/");
        _basePrefix = _baseAddress.AbsoluteUri;
        _insecure = SecureTransport.Problem(_baseAddress, "The Cymbio base address");
        if (options.ScopeStrategy == CymbioScopeStrategy.Required)
        {
            // Validation refuses this at start; a handler built by hand must not quietly fall back to another strategy.
            _required = required is { IsKnown: true } ? required : throw new ArgumentException(RequiredScopes.UnknownProblem("The ScopeStrategy") + ".", nameof(options));
        }

        _derived = _required?.Within(_grants) ?? ScopeSet.Empty;
    }

    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is not { IsAbsoluteUri: true } uri || !IsCymbio(uri))
        {
            // Tokens go only to Cymbio (RFC 9700 §4.9.1); another host gets the request as the caller built it.
            Log.ForeignHost(_logger, request.RequestUri?.Host ?? "(no host)");
            return base.SendAsync(request, cancellationToken);
        }

        SecureTransport.ThrowIfInsecure(_insecure, "No token is");

        var resolved = Resolve(request);
        var (operation, interfaceType) = (resolved.Operation, resolved.InterfaceType);
        if (!resolved.Granted)
        {
            var missing = operation.Scopes.Except(_grants);
            var refused = Name(interfaceType, operation);
            Refuse(refused, "scope not granted: " + missing);
            throw new ScopeNotGrantedException(refused, missing, $"the configured grants ({_grants}) do not include them");
        }

        var pendingToken = _tokens.GetTokenAsync(resolved.Requested, cancellationToken);

        // The common case — a cached token, no body to buffer — runs without an async state machine; the response
        // is only looked at again when it is 401 or 403.
        if (pendingToken.IsCompletedSuccessfully && request.Content is null)
        {
            var token = pendingToken.Result;
            Attach(request, token);
            var sending = base.SendAsync(request, cancellationToken);
            return sending.IsCompletedSuccessfully && sending.Result.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                ? sending
                : CompleteAsync(request, interfaceType, operation, token, sending, replayable: true, cancellationToken);
        }

        return SendSlowAsync(request, interfaceType, operation, pendingToken, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendSlowAsync(
        HttpRequestMessage request, Type interfaceType, CymbioOperation operation, ValueTask<CymbioToken> pendingToken, CancellationToken cancellationToken)
    {
        var token = await pendingToken.ConfigureAwait(false);
        var replayable = await BufferForReplayAsync(request.Content, cancellationToken).ConfigureAwait(false);
        Attach(request, token);
        return await CompleteAsync(request, interfaceType, operation, token, base.SendAsync(request, cancellationToken), replayable, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> CompleteAsync(
        HttpRequestMessage request, Type interfaceType, CymbioOperation operation, CymbioToken token, Task<HttpResponseMessage> sending, bool replayable, CancellationToken cancellationToken)
    {
        var response = await sending.ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized && replayable)
        {
            var name = Name(interfaceType, operation);
            Log.Unauthorized(_logger, name, CymbioToken.Fingerprint(token.AccessToken));
            response.Dispose();
            token = await _tokens.RenewAsync(token, cancellationToken).ConfigureAwait(false);
            Attach(request, token);
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                var error = BearerChallenge.Parameters(response).GetValueOrDefault("error");
                response.Dispose();
                throw new CymbioUnauthorizedException(name, error);
            }
        }

        if (response.StatusCode == HttpStatusCode.Forbidden
            && BearerChallenge.Parameters(response) is { } challenge
            && challenge.TryGetValue("error", out var code)
            && code == "insufficient_scope")
        {
            var required = challenge.TryGetValue("scope", out var scope) && ScopeSet.TryParse(scope, out var parsed) ? parsed : ScopeSet.Empty;
            response.Dispose();
            throw new InsufficientScopeException(Name(interfaceType, operation), required);
        }

        return response;
    }

    /// <summary>
    /// Same scheme, host and port as the base address. Refit builds request addresses from the base address, so the
    /// quick test is a prefix match of <c>scheme://host:port/</c> (the trailing slash pins the whole authority);
    /// anything else is compared component by component.
    /// </summary>
    private bool IsCymbio(Uri uri) =>
        uri.OriginalString.StartsWith(_basePrefix, StringComparison.Ordinal)
        || (uri.Port == _baseAddress.Port
            && string.Equals(uri.Scheme, _baseAddress.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.IdnHost, _baseAddress.IdnHost, StringComparison.OrdinalIgnoreCase));

    private static string Name(Type interfaceType, CymbioOperation operation) => interfaceType.Name + "." + operation.MethodName;

    /// <summary>
    /// The operation, whether the grants cover it and the scopes to request — remembered for the last operation, since
    /// Refit passes the same interface type and method-name string for every call of a method (overloads, which only
    /// the route template tells apart, are never remembered).
    /// </summary>
    private ResolvedOperation Resolve(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(InterfaceTypeKey, out var interfaceType)
            && request.Options.TryGetValue(MethodNameKey, out var methodName)
            && _lastResolved is { } last
            && ReferenceEquals(last.InterfaceType, interfaceType)
            && ReferenceEquals(last.MethodName, methodName))
        {
            return last;
        }

        var (operation, type) = Operation(request);
        var resolved = new ResolvedOperation(
            type,
            request.Options.TryGetValue(MethodNameKey, out var name) ? name : operation.MethodName,
            operation,
            operation.Scopes.IsSubsetOf(_grants),
            Requested(type, operation));
        if (CymbioScopeRegistry.IsSingle(type, operation.MethodName))
        {
            _lastResolved = resolved;
        }

        return resolved;
    }

    /// <summary>
    /// The scopes the operation's token is requested for: every grant (<see cref="CymbioScopeStrategy.AllGranted"/>),
    /// the operation's own (<see cref="CymbioScopeStrategy.LeastPrivilege"/>), or the derived set, widened by a
    /// requirement the build did not see (<see cref="CymbioScopeStrategy.Required"/>). An operation outside the grants
    /// is refused before this matters.
    /// </summary>
    private ScopeSet Requested(Type interfaceType, CymbioOperation operation) => _options.ScopeStrategy switch
    {
        CymbioScopeStrategy.LeastPrivilege => operation.Scopes,
        CymbioScopeStrategy.Required when _required is not null && operation.Scopes.IsSubsetOf(_grants) =>
            _required.Request(_derived, operation.Scopes, Name(interfaceType, operation), _logger),
        _ => _grants,
    };

    private (CymbioOperation Operation, Type InterfaceType) Operation(HttpRequestMessage request)
    {
        if (!request.Options.TryGetValue(InterfaceTypeKey, out var interfaceType) || !request.Options.TryGetValue(MethodNameKey, out var methodName))
        {
            Refuse(request.Method + " " + request.RequestUri?.AbsolutePath, "not a Refit operation");
            throw new InvalidOperationException(
                $"{request.Method} {request.RequestUri?.AbsolutePath} is not a call of a Refit interface, so its scopes are unknown; no token is sent to Cymbio.");
        }

        var name = interfaceType.Name + "." + methodName;
        if (!CymbioScopeRegistry.TryGetOperation(interfaceType, methodName, request, out var operation))
        {
            if (!CymbioScopeRegistry.IsRegistered(interfaceType))
            {
                Refuse(name, "no scope table");
                throw new InvalidOperationException(
                    $"{interfaceType.Name} has no generated scope table, so the scopes of {name} are unknown: annotate it, or the interface that declares "
                    + $"{methodName}, with [CymbioScope] (or [CymbioNoScope]); no token is sent to Cymbio.");
            }

            Refuse(name, "not in scope table");
            throw new InvalidOperationException(
                $"The generated scope table of {interfaceType.Name} has no operation named {methodName}: the generator found no Refit HTTP attribute on it, "
                + "or the table was generated from other source than the client; no token is sent to Cymbio.");
        }

        if (!operation.IsDeclared)
        {
            Refuse(name, "requirement not declared");
            throw new InvalidOperationException(
                $"{name} declares no scope requirement (CYM0008): put [CymbioScope(...)] with its scopes, or [CymbioNoScope] if it needs none, on the method "
                + $"or on an interface between the one that declares it and {interfaceType.Name}; no token is sent to Cymbio.");
        }

        return (operation, interfaceType);
    }

    private void Refuse(string operation, string reason)
    {
        CymbioTelemetry.RequestsRefused.Add(1, new KeyValuePair<string, object?>("reason", reason.StartsWith("scope", StringComparison.Ordinal) ? "scope_not_granted" : reason.Replace(' ', '_')));
        Log.RequestRefused(_logger, operation, reason);
    }

    private static void Attach(HttpRequestMessage request, CymbioToken token) =>
        request.Headers.Authorization = token.Header;

    /// <summary>
    /// Buffers the body so that a retry after 401 sends the same bytes. A <see cref="StreamContent"/> is not buffered
    /// (it may be large or read-once), so such a request is not retried.
    /// </summary>
    private static async ValueTask<bool> BufferForReplayAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return true;
        }

        if (content is StreamContent)
        {
            return false;
        }

        await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private sealed record ResolvedOperation(Type InterfaceType, string MethodName, CymbioOperation Operation, bool Granted, ScopeSet Requested);
}
