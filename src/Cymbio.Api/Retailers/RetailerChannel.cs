using System.Text.Json.Serialization;

namespace Cymbio.Api.Retailers;

/// <summary>A sales channel of the retailer (an inferred shape, docs/cymbio-api.md I-29, as the supplier's I-2).</summary>
public sealed record RetailerChannel
{
    /// <summary>Gets the connection's id.</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>Gets the channel's id in Cymbio's channel list.</summary>
    [JsonPropertyName("channel_id")]
    public long? ChannelId { get; init; }

    /// <summary>Gets the channel's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the retailer's id.</summary>
    [JsonPropertyName("retailer_id")]
    public long? RetailerId { get; init; }

    /// <summary>Gets the connection's status (an open set; no value was seen).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Gets the service type, for example <see cref="ServiceTypes.Ecommerce"/>.</summary>
    [JsonPropertyName("service_type")]
    public string? ServiceType { get; init; }
}
