using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Cymbio.Api.Retailers;

/// <summary>
/// A product of a connected brand as the retailer pulls it (C-20, docs/cymbio-api.md §4.3 and §6.4): copy, imagery,
/// price ranges and inventory at the product level. <see cref="Variants"/> holds only the variant ids. Members Cymbio
/// adds later are ignored.
/// </summary>
public sealed record RetailerProduct
{
    /// <summary>Gets the model (the product's style number).</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>Gets the title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Gets the description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Gets the extra description.</summary>
    [JsonPropertyName("description_extra")]
    public string? DescriptionExtra { get; init; }

    /// <summary>Gets the description's bullet points.</summary>
    [JsonPropertyName("description_bullets")]
    public IReadOnlyList<string>? DescriptionBullets { get; init; }

    /// <summary>Gets the image URLs.</summary>
    [JsonPropertyName("images")]
    public IReadOnlyList<string>? Images { get; init; }

    /// <summary>Gets when the special sale price starts.</summary>
    [JsonPropertyName("special_sale_price_start")]
    public DateTimeOffset? SpecialSalePriceStart { get; init; }

    /// <summary>Gets when the special sale price ends.</summary>
    [JsonPropertyName("special_sale_price_end")]
    public DateTimeOffset? SpecialSalePriceEnd { get; init; }

    /// <summary>Gets the available inventory, summed over the product's variants and the brand's warehouses.</summary>
    [JsonPropertyName("available_inventory")]
    public int? AvailableInventory { get; init; }

    /// <summary>Gets how many retailers carry the product.</summary>
    [JsonPropertyName("retailers_count")]
    public int? RetailersCount { get; init; }

    /// <summary>Gets the lowest retail price of the product's variants.</summary>
    [JsonPropertyName("retail_price_min")]
    public decimal? RetailPriceMin { get; init; }

    /// <summary>Gets the highest retail price of the product's variants.</summary>
    [JsonPropertyName("retail_price_max")]
    public decimal? RetailPriceMax { get; init; }

    /// <summary>Gets the lowest wholesale price of the product's variants.</summary>
    [JsonPropertyName("wholesale_price_min")]
    public decimal? WholesalePriceMin { get; init; }

    /// <summary>Gets the highest wholesale price of the product's variants.</summary>
    [JsonPropertyName("wholesale_price_max")]
    public decimal? WholesalePriceMax { get; init; }

    /// <summary>Gets the ids of the product's variants (numbers, not objects: a variant's details are a separate call).</summary>
    [JsonPropertyName("variants")]
    public IReadOnlyList<long>? Variants { get; init; }
}
