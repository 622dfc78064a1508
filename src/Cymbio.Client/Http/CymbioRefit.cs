using System;
using System.Net.Http;
using System.Threading;
using Refit;

namespace Cymbio;

/// <summary>How Cymbio clients configure Refit.</summary>
internal static class CymbioRefit
{
    /// <summary>
    /// Returns settings whose transport-exception factory lets <see cref="CymbioException"/>s through as they are, so
    /// that callers can catch <see cref="ScopeNotGrantedException"/>, <see cref="CymbioUnauthorizedException"/>, … —
    /// Refit would otherwise wrap anything thrown by the HTTP pipeline in its <c>ApiRequestException</c>. Other
    /// exceptions keep whatever factory the settings had.
    /// </summary>
    public static RefitSettings Configure(RefitSettings? settings)
    {
        settings ??= new RefitSettings();
        if (settings.TransportExceptionFactory?.Target is not PassThrough)
        {
            settings.TransportExceptionFactory = new PassThrough(settings.TransportExceptionFactory).Map;
        }

        return settings;
    }

    private sealed class PassThrough(Func<HttpRequestMessage, Exception, CancellationToken, Exception>? inner)
    {
        public Exception Map(HttpRequestMessage request, Exception exception, CancellationToken cancellationToken) =>
            exception is CymbioException || inner is null ? exception : inner(request, exception, cancellationToken);
    }
}
