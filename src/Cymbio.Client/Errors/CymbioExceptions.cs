using System;
using System.Net;

namespace Cymbio;

/// <summary>The base of every exception Cymbio.Client throws. Messages never contain secrets or tokens.</summary>
public abstract class CymbioException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected CymbioException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>No token could be obtained from the token endpoint; the request it was for was not sent.</summary>
public class TokenEndpointException : CymbioException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The token endpoint's HTTP status, if it answered.</param>
    /// <param name="bodyExcerpt">The start of the response body (at most 512 characters, token values masked).</param>
    /// <param name="innerException">The cause, if any.</param>
    public TokenEndpointException(string message, HttpStatusCode? statusCode = null, string? bodyExcerpt = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        BodyExcerpt = bodyExcerpt;
    }

    /// <summary>Gets the token endpoint's HTTP status, or <see langword="null"/> when it did not answer (network failure, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Gets the start of the response body, at most 512 characters, with token values masked.</summary>
    public string? BodyExcerpt { get; }
}

/// <summary>The token endpoint answered with an OAuth error (RFC 6749 §5.2). Not retried: the request must change.</summary>
public sealed class OAuthErrorException : TokenEndpointException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="error">The OAuth error code, for example <c>invalid_grant</c>.</param>
    /// <param name="errorDescription">The server's description, if any.</param>
    /// <param name="statusCode">The HTTP status.</param>
    public OAuthErrorException(string error, string? errorDescription, HttpStatusCode statusCode)
        : base(Describe(Code(error), ServerText.Printable(errorDescription), statusCode), statusCode)
    {
        Error = Code(error);
        ErrorDescription = ServerText.Printable(errorDescription);
    }

    /// <summary>Gets the OAuth error code (cleaned with <see cref="ServerText"/>, at most 64 characters): <c>invalid_client</c>, <c>invalid_grant</c>, <c>invalid_scope</c>, <c>unauthorized_client</c>, <c>unsupported_grant_type</c>, …</summary>
    public string Error { get; }

    /// <summary>Gets the server's description of the error, if any, cleaned with <see cref="ServerText"/> (at most 512 characters).</summary>
    public string? ErrorDescription { get; }

    // RFC 6749 error codes are at most 25 characters; 64 leaves room for a server's own.
    private static string Code(string error) => ServerText.Printable(error, 64) ?? "(no error code)";

    private static string Describe(string error, string? description, HttpStatusCode statusCode) =>
        $"The Cymbio token endpoint refused the request: {error}{(description is null ? string.Empty : " (" + description + ")")} [HTTP {(int)statusCode}].";
}

/// <summary>The token endpoint asked to be left alone (<c>Retry-After</c>) longer than the retries allowed.</summary>
public sealed class TokenThrottledException : TokenEndpointException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="retryAfter">How long the endpoint asked to wait.</param>
    /// <param name="statusCode">The HTTP status (429 or 503).</param>
    public TokenThrottledException(TimeSpan retryAfter, HttpStatusCode statusCode)
        : base($"The Cymbio token endpoint is throttling requests [HTTP {(int)statusCode}]; retry after {retryAfter.TotalSeconds:0.#} s.", statusCode)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>Gets how long to wait before asking again.</summary>
    public TimeSpan RetryAfter { get; }
}

/// <summary>A call needs scopes it cannot have. Thrown before any network call, or after Cymbio's 403.</summary>
public class CymbioScopeException : CymbioException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="missingScopes">The scopes that are missing.</param>
    public CymbioScopeException(string message, ScopeSet missingScopes)
        : base(message)
    {
        MissingScopes = missingScopes;
    }

    /// <summary>Gets the scopes that are missing.</summary>
    public ScopeSet MissingScopes { get; }
}

/// <summary>
/// An operation requires scopes outside the configured grants, or the token endpoint granted fewer scopes than asked.
/// Nothing was sent to the API.
/// </summary>
public sealed class ScopeNotGrantedException : CymbioScopeException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="operation">The operation, for example <c>IFulfillmentsApi.AcceptAsync</c>, or the token request.</param>
    /// <param name="missingScopes">The scopes not granted.</param>
    /// <param name="reason">Why: for example "the configured grants do not include them".</param>
    public ScopeNotGrantedException(string operation, ScopeSet missingScopes, string reason)
        : base($"{operation} requires {missingScopes}, but {reason}.", missingScopes)
    {
        Operation = operation;
    }

    /// <summary>Gets the operation that could not be authorized.</summary>
    public string Operation { get; }
}

/// <summary>Cymbio answered 403 <c>insufficient_scope</c> (RFC 6750 §3.1).</summary>
public sealed class InsufficientScopeException : CymbioScopeException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="operation">The operation that was refused.</param>
    /// <param name="requiredScopes">The scopes Cymbio says the operation needs (from <c>WWW-Authenticate</c>), possibly empty.</param>
    public InsufficientScopeException(string operation, ScopeSet requiredScopes)
        : base($"Cymbio refused {operation}: insufficient_scope{(requiredScopes.IsEmpty ? string.Empty : "; it requires " + requiredScopes)}.", requiredScopes)
    {
        Operation = operation;
        RequiredScopes = requiredScopes;
    }

    /// <summary>Gets the operation that was refused.</summary>
    public string Operation { get; }

    /// <summary>Gets the scopes Cymbio says are required.</summary>
    public ScopeSet RequiredScopes { get; }
}

/// <summary>Cymbio answered 401 twice: once with the cached token and once with a fresh one.</summary>
public sealed class CymbioUnauthorizedException : CymbioException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="operation">The operation that was refused.</param>
    /// <param name="error">The <c>error</c> of the <c>WWW-Authenticate</c> challenge, if any (for example <c>invalid_token</c>).</param>
    public CymbioUnauthorizedException(string operation, string? error)
        : base($"Cymbio refused {operation} with 401{(ServerText.Printable(error, 64) is { } code ? " (" + code + ")" : string.Empty)}, also with a freshly issued token.")
    {
        Operation = operation;
        Error = ServerText.Printable(error, 64);
    }

    /// <summary>Gets the operation that was refused.</summary>
    public string Operation { get; }

    /// <summary>Gets the challenge's error code, if any, cleaned with <see cref="ServerText"/> (at most 64 characters).</summary>
    public string? Error { get; }
}
