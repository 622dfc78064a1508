using System;
using System.Net.Http;
using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace Cymbio;

/// <summary>
/// Replaces <c>IHttpClientFactory</c>'s default request loggers for Cymbio clients: their Trace records carry every
/// header, the bearer token included, in their structured state. This one logs the method, the path, the status and
/// the duration — never a header or a query string.
/// </summary>
internal sealed partial class CymbioHttpClientLogger(ILogger<CymbioHttpClientLogger> logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request)
    {
        RequestStart(logger, request.Method.Method, Path(request));
        return null;
    }

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
        RequestStop(logger, request.Method.Method, Path(request), (int)response.StatusCode, elapsed.TotalMilliseconds);

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        RequestFailed(logger, request.Method.Method, Path(request), exception.GetType().Name, elapsed.TotalMilliseconds);

    private static string Path(HttpRequestMessage request) => request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : "(relative)";

    [LoggerMessage(20, LogLevel.Debug, "Sending {Method} {Path}")]
    private static partial void RequestStart(ILogger logger, string method, string path);

    [LoggerMessage(21, LogLevel.Information, "{Method} {Path} answered {StatusCode} in {ElapsedMs} ms")]
    private static partial void RequestStop(ILogger logger, string method, string path, int statusCode, double elapsedMs);

    [LoggerMessage(22, LogLevel.Warning, "{Method} {Path} failed after {ElapsedMs} ms: {Error}")]
    private static partial void RequestFailed(ILogger logger, string method, string path, string error, double elapsedMs);
}
