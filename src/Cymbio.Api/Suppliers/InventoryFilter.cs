using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cymbio.Api.Suppliers;

/// <summary>
/// Filters <see cref="ISupplierInventoryApi.ListAsync"/>: <c>warehouse_id</c> and <c>sku</c> are the keys the API notes
/// reconstruct, <c>variant_id</c> is added by analogy (all inferred).
/// </summary>
/// <example><c>new InventoryFilter { WarehouseId = 3, Sku = "SKU-1" }</c> — one SKU in one warehouse.</example>
public sealed class InventoryFilter : CymbioFilter
{
    /// <summary>Gets the warehouse to match.</summary>
    [JsonPropertyName("warehouse_id")]
    public long? WarehouseId { get; init; }

    /// <summary>Gets the SKU to match.</summary>
    [JsonPropertyName("sku")]
    public string? Sku { get; init; }

    /// <summary>Gets the variant to match.</summary>
    [JsonPropertyName("variant_id")]
    public long? VariantId { get; init; }

    /// <inheritdoc/>
    public override string ToJson() => JsonSerializer.Serialize(this, CymbioApiJsonContext.Default.InventoryFilter);
}
