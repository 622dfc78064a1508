using System.Text.Json;
using Refit;

namespace Cymbio.Api;

/// <summary>How Refit talks to Cymbio: JSON through <see cref="CymbioApiJsonContext"/>.</summary>
public static class CymbioApi
{
    /// <summary>Gets the JSON options of the Cymbio models (source-generated metadata only).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(CymbioApiJsonContext.Default.Options);

    /// <summary>
    /// Creates Refit settings that serialize the Cymbio models through <see cref="CymbioApiJsonContext"/>
    /// (<c>RefitSettings.ForJsonContext</c>: source-generated metadata, no reflection fallback) and turn Cymbio's error
    /// responses into <see cref="CymbioApiException"/>. Refit 17 has no reflection-based JSON, so a client of these
    /// interfaces created without them fails on its first model.
    /// </summary>
    /// <returns>New settings; pass them to <c>CymbioClient.Create</c> or <c>AddClient</c>.</returns>
    public static RefitSettings CreateRefitSettings()
    {
        var settings = RefitSettings.ForJsonContext(CymbioApiJsonContext.Default);
        settings.ExceptionFactory = response => CymbioApiErrors.CreateAsync(response, settings);
        return settings;
    }
}
