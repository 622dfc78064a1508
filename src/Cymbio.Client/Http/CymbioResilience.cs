using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace Cymbio;

/// <summary>The retry rule Cymbio clients use with the standard resilience pipeline.</summary>
public static class CymbioResilience
{
    /// <summary>The header that marks a POST or PATCH as safe to retry.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>
    /// Retries transient failures (5xx, 408, 429, network errors, attempt timeouts) of safe and idempotent methods
    /// (GET, HEAD, OPTIONS, PUT, DELETE); POST and PATCH only when they carry an <c>Idempotency-Key</c> header, since
    /// replaying them could, for example, create a shipment twice.
    /// </summary>
    /// <param name="args">The retry arguments.</param>
    /// <returns>Whether to retry.</returns>
    public static ValueTask<bool> ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args)
    {
        var request = args.Context.GetRequestMessage() ?? args.Outcome.Result?.RequestMessage;
        if (request is not null && !IsRetryable(request))
        {
            return new ValueTask<bool>(false);
        }

        return new ValueTask<bool>(HttpClientResiliencePredicates.IsTransient(args.Outcome));
    }

    /// <summary>Whether <paramref name="request"/> may be sent twice.</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="false"/> for POST and PATCH without an <c>Idempotency-Key</c>.</returns>
    public static bool IsRetryable(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return !(request.Method == HttpMethod.Post || request.Method == HttpMethod.Patch)
            || request.Headers.Contains(IdempotencyKeyHeader);
    }
}
