using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cymbio.Api.Retailers;

/// <summary>Filters <see cref="IRetailerOrdersApi.ListReturnsAsync"/> (inferred keys).</summary>
public sealed class RetailerReturnFilter : CymbioFilter
{
    /// <summary>Gets the state to match, for example <see cref="Suppliers.ReturnStatuses.Refunded"/> for refunds.</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    /// <summary>Gets the order to match.</summary>
    [JsonPropertyName("order_id")]
    public long? OrderId { get; init; }

    /// <summary>Gets the supplier to match.</summary>
    [JsonPropertyName("supplier_id")]
    public long? SupplierId { get; init; }

    /// <inheritdoc/>
    public override string ToJson() => JsonSerializer.Serialize(this, CymbioApiJsonContext.Default.RetailerReturnFilter);
}
