using System.Text.Json.Serialization;

namespace Cymbio.Api.Suppliers;

/// <summary>
/// A retailer the supplier trades with (an inferred shape, docs/cymbio-api.md I-3; the names are those of the
/// fulfillment object). Members Cymbio adds are ignored.
/// </summary>
public sealed record ConnectedRetailer
{
    /// <summary>Gets the retailer's id.</summary>
    [JsonPropertyName("retailer_id")]
    public long RetailerId { get; init; }

    /// <summary>Gets the retailer's store name.</summary>
    [JsonPropertyName("retailer_name")]
    public string? RetailerName { get; init; }

    /// <summary>Gets the retailer's id in the supplier's ERP (a string).</summary>
    [JsonPropertyName("retailer_erp_id")]
    public string? RetailerErpId { get; init; }

    /// <summary>Gets the connection's status (an open set; values not documented).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Gets the service type, for example <c>ecommerce</c> (an open set).</summary>
    [JsonPropertyName("service_type")]
    public string? ServiceType { get; init; }
}
