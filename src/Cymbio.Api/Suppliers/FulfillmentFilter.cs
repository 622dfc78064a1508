using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cymbio.Api.Suppliers;

/// <summary>
/// Filters <see cref="ISupplierFulfillmentsApi.ListAsync"/>: <c>retailer_state</c> and <c>fulfillment_state</c> are
/// confirmed keys; <c>retailer_id</c> is inferred.
/// </summary>
/// <example><c>new FulfillmentFilter { RetailerState = RetailerStates.Ordered, FulfillmentState = FulfillmentStates.New }</c> — new orders.</example>
public sealed class FulfillmentFilter : CymbioFilter
{
    /// <summary>Gets the retailer state to match.</summary>
    [JsonPropertyName("retailer_state")]
    public string? RetailerState { get; init; }

    /// <summary>Gets the fulfillment state to match (use <see cref="FulfillmentStates.Cancelling"/> for cancellation requests).</summary>
    [JsonPropertyName("fulfillment_state")]
    public string? FulfillmentState { get; init; }

    /// <summary>Gets the retailer to match (an inferred key).</summary>
    [JsonPropertyName("retailer_id")]
    public long? RetailerId { get; init; }

    /// <inheritdoc/>
    public override string ToJson() => JsonSerializer.Serialize(this, CymbioApiJsonContext.Default.FulfillmentFilter);
}
