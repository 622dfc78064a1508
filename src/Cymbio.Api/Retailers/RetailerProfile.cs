using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Cymbio.Api.Retailers;

/// <summary>
/// The retailer's profile (C-22: the call was seen, the response was not; the shape mirrors the supplier profile of
/// C-14, camelCase <c>createdAt</c>/<c>updatedAt</c> included, plus the shipping method codes of I-28).
/// </summary>
public sealed record RetailerProfile
{
    /// <summary>Gets the retailer id.</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>Gets the name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the subdomain.</summary>
    [JsonPropertyName("subdomain")]
    public string? Subdomain { get; init; }

    /// <summary>Gets the retailer's own shipping method codes, if it sends its own list.</summary>
    [JsonPropertyName("shipping_method_codes")]
    public IReadOnlyList<string>? ShippingMethodCodes { get; init; }

    /// <summary>Gets when the retailer was created.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets when the retailer was last changed.</summary>
    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; init; }
}
