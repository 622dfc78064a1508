using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Cymbio.Client.Tests.Infrastructure;

/// <summary>How the server finished with one request.</summary>
public enum RequestOutcome
{
    /// <summary>A response was written.</summary>
    Responded,

    /// <summary>The client went away (cancelled, timed out, closed the connection) before the response was written.</summary>
    ClientAborted,

    /// <summary>The script asked for the connection to be reset (<see cref="ScriptedResponse.Abort"/>).</summary>
    ConnectionReset,

    /// <summary>The script threw; the server answered 500 and kept the exception in <see cref="ScriptedCymbioServer.ScriptFailures"/>.</summary>
    ScriptFailed,

    /// <summary>The server was disposed while the request was in flight.</summary>
    ServerStopped,
}

/// <summary>What both kinds of record share.</summary>
public abstract class RequestRecord
{
    private readonly TaskCompletionSource<RequestOutcome> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>1-based arrival order across token and API requests since start or <see cref="ScriptedCymbioServer.Reset"/>.</summary>
    public required long Sequence { get; init; }

    /// <summary>The HTTP method, upper case as sent.</summary>
    public required string Method { get; init; }

    /// <summary>The decoded path (Kestrel's <c>Request.Path</c>; %2F stays encoded).</summary>
    public required string Path { get; init; }

    /// <summary>The request target exactly as sent on the request line, e.g. <c>/v3/orders?limit=10</c>.</summary>
    public required string RawTarget { get; init; }

    /// <summary>The query string including its leading '?', or empty.</summary>
    public required string QueryString { get; init; }

    /// <summary>The Host header.</summary>
    public required string Host { get; init; }

    /// <summary>The Content-Type header, or <see langword="null"/>.</summary>
    public required string? ContentType { get; init; }

    /// <summary>Every request header, case-insensitive; each value as Kestrel received it.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; init; }

    /// <summary>The body bytes (empty when none).</summary>
    public required byte[] Body { get; init; }

    /// <summary>The body as UTF-8.</summary>
    public string RawBody => Encoding.UTF8.GetString(Body);

    /// <summary>
    /// All Authorization header values. HttpClient joins several values of one header into one line ("a, b"), so a
    /// doubled header usually shows as one value containing a comma, not as two values.
    /// </summary>
    public IReadOnlyList<string> Authorization => Header("Authorization");

    /// <summary>
    /// Fires when the client aborts or the server stops. Valid only while the request is in flight (for
    /// <see cref="ScriptedResponse.HangAsync"/>); afterwards use <see cref="Completion"/>.
    /// </summary>
    public CancellationToken RequestAborted { get; init; }

    /// <summary>Completes when the server has finished with this request, telling how.</summary>
    public Task<RequestOutcome> Completion => _completion.Task;

    /// <summary>The values of one header (empty when absent).</summary>
    public IReadOnlyList<string> Header(string name) =>
        Headers.TryGetValue(name, out var values) ? values : Array.Empty<string>();

    internal void Complete(RequestOutcome outcome) => _completion.TrySetResult(outcome);

    /// <summary>A one-line description for assertion messages.</summary>
    public override string ToString() => $"#{Sequence} {Method} {RawTarget}";
}

/// <summary>One request the server received under /oauth (normally <c>POST /oauth/token</c>).</summary>
public sealed class TokenRequestRecord : RequestRecord
{
    /// <summary>
    /// The application/x-www-form-urlencoded body, decoded (empty for any other Content-Type). A repeated field's
    /// values are joined with ','; see <see cref="FormValues"/> for each of them.
    /// </summary>
    public required IReadOnlyDictionary<string, string> Form { get; init; }

    /// <summary>Every value of every form field, in order.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> FormValues { get; init; }

    /// <summary>The form's grant_type, or <see langword="null"/>.</summary>
    public string? GrantType => FormField("grant_type");

    /// <summary>The form's scope, or <see langword="null"/>.</summary>
    public string? Scope => FormField("scope");

    /// <summary>The client id: the form's client_id, else the user name of an HTTP Basic Authorization header.</summary>
    public string? ClientId => FormField("client_id") ?? BasicCredentials?.ClientId;

    /// <summary>The client secret: the form's client_secret, else the password of an HTTP Basic Authorization header.</summary>
    public string? ClientSecret => FormField("client_secret") ?? BasicCredentials?.ClientSecret;

    /// <summary>
    /// The HTTP Basic credentials (client_secret_basic, RFC 6749 §2.3.1: each part form-url-decoded), or
    /// <see langword="null"/> when there is no single well-formed Basic header.
    /// </summary>
    public (string ClientId, string ClientSecret)? BasicCredentials
    {
        get
        {
            if (Authorization.Count != 1 || !Authorization[0].StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(Authorization[0]["Basic ".Length..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                return colon < 0
                    ? null
                    : (Uri.UnescapeDataString(decoded[..colon].Replace('+', ' ')), Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' ')));
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }

    /// <summary>A form field, or <see langword="null"/> when absent.</summary>
    public string? FormField(string name) => Form.TryGetValue(name, out var value) ? value : null;
}

/// <summary>One request the server received outside /oauth (the API).</summary>
public sealed class ApiRequestRecord : RequestRecord
{
    /// <summary>Same as <see cref="RequestRecord.QueryString"/>.</summary>
    public string Query => QueryString;

    /// <summary>
    /// The token when there is exactly one Authorization value and it is "Bearer &lt;token&gt;" with one token (no space
    /// or comma after the scheme: "Bearer a, Bearer b" gives <see langword="null"/>).
    /// </summary>
    public string? BearerToken =>
        Authorization.Count == 1
        && Authorization[0].StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && Authorization[0]["Bearer ".Length..] is { Length: > 0 } token
        && token.IndexOfAny([' ', ',']) < 0
            ? token
            : null;
}

/// <summary>What a token script gets besides the request.</summary>
public sealed class TokenScriptContext
{
    private readonly ScriptedCymbioServer _server;
    private readonly TokenRequestRecord _request;

    internal TokenScriptContext(ScriptedCymbioServer server, TokenRequestRecord request, int requestNumber)
    {
        _server = server;
        _request = request;
        RequestNumber = requestNumber;
    }

    /// <summary>1-based: this is the n-th token request since start or <see cref="ScriptedCymbioServer.Reset"/>.</summary>
    public int RequestNumber { get; }

    /// <summary>Fires when the client aborts or the server stops (for <see cref="ScriptedResponse.HangAsync"/>).</summary>
    public CancellationToken RequestAborted => _request.RequestAborted;

    /// <summary>The server.</summary>
    public ScriptedCymbioServer Server => _server;

    /// <summary>What the default script answers this request with (mints a token when it succeeds).</summary>
    public ScriptedResponse Default() => _server.DefaultTokenResponse(_request);

    /// <summary>Mints the next token for the given parts, as the default script would, without answering.</summary>
    public string Mint(string grantType, string clientId, string scope) => _server.Mint(grantType, clientId, scope);
}

internal static class HeaderSnapshot
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> From(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> headers) =>
        headers.ToDictionary(
            pair => pair.Key,
            pair => (IReadOnlyList<string>)pair.Value.Select(value => value ?? string.Empty).ToArray(),
            StringComparer.OrdinalIgnoreCase);
}
