using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cymbio.Api.Retailers;

/// <summary>Filters <see cref="IRetailerOrdersApi.ListAsync"/> (inferred keys).</summary>
/// <example><c>new OrderFilter { State = OrderStates.Ordered }</c>.</example>
public sealed class OrderFilter : CymbioFilter
{
    /// <summary>Gets the order state to match.</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    /// <summary>Gets the retailer's order id to match.</summary>
    [JsonPropertyName("retailer_order_id")]
    public string? RetailerOrderId { get; init; }

    /// <inheritdoc/>
    public override string ToJson() => JsonSerializer.Serialize(this, CymbioApiJsonContext.Default.OrderFilter);
}
