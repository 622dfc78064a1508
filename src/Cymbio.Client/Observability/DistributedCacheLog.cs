using Microsoft.Extensions.Logging;

namespace Cymbio;

/// <summary>Source-generated log messages of the distributed token cache. Keys are hashes; tokens appear only as fingerprints.</summary>
internal static partial class DistributedCacheLog
{
    [LoggerMessage(40, LogLevel.Warning, "The distributed token cache is unavailable ({Reason}); this process fetches its own Cymbio tokens until it answers again.")]
    public static partial void Unavailable(ILogger logger, string reason);

    [LoggerMessage(41, LogLevel.Information, "The distributed token cache answers again; Cymbio tokens are shared across processes again.")]
    public static partial void Recovered(ILogger logger);

    [LoggerMessage(42, LogLevel.Debug, "Cymbio token for scopes '{Scopes}' taken from the distributed cache (token #{Fingerprint}, requested {AgeSeconds} s ago by another process).")]
    public static partial void Adopted(ILogger logger, string scopes, string fingerprint, double ageSeconds);

    [LoggerMessage(43, LogLevel.Warning, "An entry of the distributed token cache could not be read as a Cymbio token (another application's key ring, a foreign writer or damage); it is replaced.")]
    public static partial void Unreadable(ILogger logger);

    [LoggerMessage(44, LogLevel.Information, "Cymbio token #{Fingerprint} was rejected with 401; removed from the distributed cache so no other process keeps sending it.")]
    public static partial void Evicted(ILogger logger, string fingerprint);
}
