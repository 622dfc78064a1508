using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cymbio.Api.Suppliers;

/// <summary>Filters the supplier's returns (inferred keys).</summary>
public sealed class ReturnFilter : CymbioFilter
{
    /// <summary>Gets the state to match.</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    /// <summary>Gets the fulfillment to match.</summary>
    [JsonPropertyName("fulfillment_id")]
    public long? FulfillmentId { get; init; }

    /// <summary>Gets the retailer to match.</summary>
    [JsonPropertyName("retailer_id")]
    public long? RetailerId { get; init; }

    /// <inheritdoc/>
    public override string ToJson() => JsonSerializer.Serialize(this, CymbioApiJsonContext.Default.ReturnFilter);
}
