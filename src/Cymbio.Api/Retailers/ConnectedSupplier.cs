using System.Text.Json.Serialization;

namespace Cymbio.Api.Retailers;

/// <summary>A supplier the retailer is connected to (an inferred shape, docs/cymbio-api.md I-27).</summary>
public sealed record ConnectedSupplier
{
    /// <summary>Gets the supplier id.</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>Gets the name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the subdomain.</summary>
    [JsonPropertyName("subdomain")]
    public string? Subdomain { get; init; }
}
