using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cymbio.Api.Retailers;

/// <summary>Filters <see cref="IRetailerInventoryApi.ListAsync"/> (inferred keys).</summary>
/// <example><c>new RetailerInventoryFilter { SupplierId = 88 }</c> — one supplier's inventory.</example>
public sealed class RetailerInventoryFilter : CymbioFilter
{
    /// <summary>Gets the supplier to match.</summary>
    [JsonPropertyName("supplier_id")]
    public long? SupplierId { get; init; }

    /// <summary>Gets the SKU to match.</summary>
    [JsonPropertyName("sku")]
    public string? Sku { get; init; }

    /// <summary>Gets the variant to match.</summary>
    [JsonPropertyName("variant_id")]
    public long? VariantId { get; init; }

    /// <inheritdoc/>
    public override string ToJson() => JsonSerializer.Serialize(this, CymbioApiJsonContext.Default.RetailerInventoryFilter);
}
