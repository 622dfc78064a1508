using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Cymbio.Api.Suppliers;

/// <summary>
/// The fields a variant's read, create and update share (docs/cymbio-api.md §6.3: the 2017 SDK S10, plus the members
/// marked inferred). Prices and weight are numbers, codes strings.
/// </summary>
public abstract record VariantContent
{
    /// <summary>Gets the SKU (required to create; the key of a bulk update).</summary>
    [JsonPropertyName("sku")]
    public string? Sku { get; init; }

    /// <summary>Gets the model: the product the variant belongs to (required to create).</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>Gets the retail price (required to create).</summary>
    [JsonPropertyName("retail_price")]
    public decimal? RetailPrice { get; init; }

    /// <summary>Gets the wholesale price.</summary>
    [JsonPropertyName("wholesale_price")]
    public decimal? WholesalePrice { get; init; }

    /// <summary>Gets the title (required to create).</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Gets the description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Gets the additional description.</summary>
    [JsonPropertyName("description_extra")]
    public string? DescriptionExtra { get; init; }

    /// <summary>Gets the GTIN.</summary>
    [JsonPropertyName("gtin")]
    public string? Gtin { get; init; }

    /// <summary>Gets the UPC.</summary>
    [JsonPropertyName("upc")]
    public string? Upc { get; init; }

    /// <summary>Gets the EAN (inferred).</summary>
    [JsonPropertyName("ean")]
    public string? Ean { get; init; }

    /// <summary>Gets the weight.</summary>
    [JsonPropertyName("weight")]
    public decimal? Weight { get; init; }

    /// <summary>Gets the addresses of the images (required to create).</summary>
    [JsonPropertyName("images")]
    public IReadOnlyList<string>? Images { get; init; }

    /// <summary>Gets the free-form properties, <c>[{"type": …, "value": …}]</c> (sent on create; not seen in responses).</summary>
    [JsonPropertyName("properties")]
    public IReadOnlyList<VariantProperty>? Properties { get; init; }

    /// <summary>Gets the options, <c>[{"type": "color", "value": …}]</c> (sent on create; not seen in responses).</summary>
    [JsonPropertyName("options")]
    public IReadOnlyList<VariantOption>? Options { get; init; }

    /// <summary>Gets the special (sale) price (inferred).</summary>
    [JsonPropertyName("special_sale_price")]
    public decimal? SpecialSalePrice { get; init; }

    /// <summary>Gets when the special price starts (inferred).</summary>
    [JsonPropertyName("special_sale_price_start")]
    public DateTimeOffset? SpecialSalePriceStart { get; init; }

    /// <summary>Gets when the special price ends (inferred).</summary>
    [JsonPropertyName("special_sale_price_end")]
    public DateTimeOffset? SpecialSalePriceEnd { get; init; }
}

/// <summary>
/// A supplier's variant: one sellable item (one SKU) of a product (docs/cymbio-api.md §6.3). Members Cymbio adds are
/// ignored.
/// </summary>
public sealed record Variant : VariantContent
{
    /// <summary>Gets the variant id (the <c>variant_id</c> of the other calls).</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>Gets the supplier's id (inferred).</summary>
    [JsonPropertyName("supplier_id")]
    public long? SupplierId { get; init; }

    /// <summary>Gets the quantities per warehouse (inferred).</summary>
    [JsonPropertyName("inventory")]
    public IReadOnlyList<InventoryLevel>? Inventory { get; init; }

    /// <summary>Gets when the variant was created (inferred).</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets when the variant was last changed (inferred).</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }
}

/// <summary>
/// The body that creates a variant (C-17: <see cref="VariantContent.Sku"/>, <see cref="VariantContent.Model"/>,
/// <see cref="VariantContent.RetailPrice"/>, <see cref="VariantContent.Title"/> and <see cref="VariantContent.Images"/>
/// are required), updates one (I-5), or, keyed by <see cref="VariantContent.Sku"/>, is one entry of a bulk price and
/// content update (I-6). Members left <see langword="null"/> are not sent.
/// </summary>
public sealed record VariantRequest : VariantContent;

/// <summary>An option of a variant, <c>{"type": "color", "value": "Red"}</c>; the types are <see cref="VariantOptionTypes"/>.</summary>
/// <param name="Type">The option type, one of <see cref="VariantOptionTypes"/>.</param>
/// <param name="Value">The value, for example <c>Red</c> or <c>M</c>.</param>
public sealed record VariantOption(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] string Value)
{
    /// <summary>A colour option.</summary>
    /// <param name="value">The colour.</param>
    /// <returns>The option.</returns>
    public static VariantOption Color(string value) => new(VariantOptionTypes.Color, value);

    /// <summary>A size option.</summary>
    /// <param name="value">The size.</param>
    /// <returns>The option.</returns>
    public static VariantOption Size(string value) => new(VariantOptionTypes.Size, value);

    /// <summary>A width option.</summary>
    /// <param name="value">The width.</param>
    /// <returns>The option.</returns>
    public static VariantOption Width(string value) => new(VariantOptionTypes.Width, value);
}

/// <summary>A free-form property of a variant, <c>{"type": "material", "value": "Cotton"}</c>.</summary>
/// <param name="Type">The property's name.</param>
/// <param name="Value">The value.</param>
public sealed record VariantProperty(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] string Value);

/// <summary>The option types of <see cref="VariantOption.Type"/> (S10; treat the set as open).</summary>
public static class VariantOptionTypes
{
    /// <summary>Colour.</summary>
    public const string Color = "color";

    /// <summary>Size.</summary>
    public const string Size = "size";

    /// <summary>Width.</summary>
    public const string Width = "width";
}

/// <summary>
/// Publishes variants to a retailer, or hides them from it (inferred, docs/cymbio-api.md I-7):
/// <c>{"variant_ids": [11, 12], "published": true}</c>.
/// </summary>
/// <param name="VariantIds">The variants.</param>
/// <param name="Published"><see langword="true"/> to publish, <see langword="false"/> to unpublish.</param>
public sealed record VariantPublication(
    [property: JsonPropertyName("variant_ids")] IReadOnlyList<long> VariantIds,
    [property: JsonPropertyName("published")] bool Published)
{
    /// <summary>Publishes the variants to the retailer.</summary>
    /// <param name="variantIds">The variants.</param>
    /// <returns>The body.</returns>
    public static VariantPublication Publish(params long[] variantIds) => new(variantIds, true);

    /// <summary>Hides the variants from the retailer.</summary>
    /// <param name="variantIds">The variants.</param>
    /// <returns>The body.</returns>
    public static VariantPublication Unpublish(params long[] variantIds) => new(variantIds, false);
}
