using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Cymbio;

/// <summary>
/// The <see cref="System.Diagnostics.Metrics.Meter"/> and <see cref="System.Diagnostics.ActivitySource"/> named
/// <c>Cymbio.Client</c>. Tags carry scopes, grant types and outcomes — never secrets or tokens.
/// </summary>
public static class CymbioTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "Cymbio.Client";

    /// <summary>Gets the activity source: an activity per token acquisition (<c>cymbio.token.acquire</c>).</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);

    /// <summary>Gets the meter.</summary>
    public static Meter Meter { get; } = new(Name);

    internal static readonly Counter<long> TokenRequests = Meter.CreateCounter<long>(
        "cymbio.client.token.requests", unit: "{request}", description: "Token requests sent to the token endpoint (every attempt).");

    internal static readonly Counter<long> TokenAcquisitions = Meter.CreateCounter<long>(
        "cymbio.client.token.acquisitions", unit: "{acquisition}", description: "Token acquisitions, by outcome (success, oauth_error, throttled, failed).");

    internal static readonly Histogram<double> TokenAcquisitionDuration = Meter.CreateHistogram<double>(
        "cymbio.client.token.duration", unit: "s", description: "Duration of token acquisitions, retries included.");

    internal static readonly Counter<long> RequestsRefused = Meter.CreateCounter<long>(
        "cymbio.client.requests.refused", unit: "{request}", description: "API requests refused before the network (scope not granted, no token).");
}
