using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using Refit;

namespace Cymbio.Api;

/// <summary>
/// Cymbio answered a call with an error status. <see cref="ServerMessage"/> is the <c>message</c> of Cymbio's error
/// body (<c>{"message": "..."}</c>) with control characters removed and at most 512 characters — safe to log; the raw
/// body stays in <see cref="ApiException.Content"/>. A <see cref="ApiException"/>, so existing Refit handling keeps
/// working. (401 and 403 are <see cref="CymbioUnauthorizedException"/> and <see cref="InsufficientScopeException"/>.)
/// </summary>
public sealed class CymbioApiException : ApiException
{
    internal CymbioApiException(
        string operation,
        string? serverMessage,
        HttpRequestMessage request,
        string? content,
        HttpStatusCode statusCode,
        string? reasonPhrase,
        HttpResponseHeaders headers,
        RefitSettings settings)
        : base(Describe(operation, statusCode, reasonPhrase, serverMessage), request, request.Method, content, statusCode, reasonPhrase, headers, settings)
    {
        Operation = operation;
        ServerMessage = serverMessage;
    }

    /// <summary>Gets the operation that failed, for example <c>ISupplierFulfillmentsApi.AcceptAsync</c>.</summary>
    public string Operation { get; }

    /// <summary>Gets Cymbio's error message, cleaned and bounded; <see langword="null"/> when the body had none.</summary>
    public string? ServerMessage { get; }

    private static string Describe(string operation, HttpStatusCode status, string? reason, string? serverMessage) =>
        $"Cymbio answered {operation} with HTTP {(int)status} {reason}".TrimEnd() + (serverMessage is null ? "." : $": {serverMessage}");
}
