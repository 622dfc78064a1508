using System;
using System.Net;

namespace Cymbio;

/// <summary>A failure worth retrying: 5xx, 429, 408 or a network error.</summary>
internal sealed class TransientTokenEndpointException : Exception
{
    public TransientTokenEndpointException(string message, HttpStatusCode? statusCode, string? bodyExcerpt, TimeSpan? retryAfter, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
        BodyExcerpt = bodyExcerpt;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode? StatusCode { get; }

    public string? BodyExcerpt { get; }

    public TimeSpan? RetryAfter { get; }
}
