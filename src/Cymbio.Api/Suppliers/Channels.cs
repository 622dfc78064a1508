using System.Text.Json.Serialization;

namespace Cymbio.Api.Suppliers;

/// <summary>
/// A sales channel or platform Cymbio supports (an inferred shape, docs/cymbio-api.md I-1). Members Cymbio adds are
/// ignored.
/// </summary>
public sealed record Channel
{
    /// <summary>Gets the channel id.</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>Gets the name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the kind of channel, for example <see cref="ChannelTypes.Marketplace"/> (an open set).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets the platform behind the channel.</summary>
    [JsonPropertyName("platform")]
    public string? Platform { get; init; }

    /// <summary>Gets the address of the channel's logo.</summary>
    [JsonPropertyName("logo_url")]
    public string? LogoUrl { get; init; }
}

/// <summary>
/// A channel the supplier is connected to (an inferred shape, docs/cymbio-api.md I-2). Members Cymbio adds are
/// ignored.
/// </summary>
public sealed record SupplierChannel
{
    /// <summary>Gets the id of the connection.</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>Gets the channel's id (<see cref="Channel.Id"/>).</summary>
    [JsonPropertyName("channel_id")]
    public long? ChannelId { get; init; }

    /// <summary>Gets the name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the retailer behind the channel, if any.</summary>
    [JsonPropertyName("retailer_id")]
    public long? RetailerId { get; init; }

    /// <summary>Gets the connection's status (an open set; values not documented).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Gets the service type, for example <c>ecommerce</c> (an open set).</summary>
    [JsonPropertyName("service_type")]
    public string? ServiceType { get; init; }
}

/// <summary>Known values of <see cref="Channel.Type"/> (inferred, an open set).</summary>
public static class ChannelTypes
{
    /// <summary>A marketplace.</summary>
    public const string Marketplace = "marketplace";

    /// <summary>A dropship retailer.</summary>
    public const string Dropship = "dropship";

    /// <summary>A social-commerce channel.</summary>
    public const string Social = "social";
}
