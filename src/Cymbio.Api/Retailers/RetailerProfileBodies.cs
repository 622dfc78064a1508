using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Cymbio.Api.Retailers;

/// <summary>The body of creating a retailer (C-23; not seen: it mirrors the supplier's C-15, <c>{"name", "subdomain"}</c>).</summary>
/// <param name="Name">The name.</param>
/// <param name="Subdomain">The subdomain, or <see langword="null"/>.</param>
public sealed record CreateRetailerRequest(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("subdomain")] string? Subdomain = null);

/// <summary>Fields of the retailer's profile to update (I-28, inferred): <c>{"name", "shipping_method_codes"}</c>; unset ones are left out.</summary>
/// <param name="Name">The new name, or <see langword="null"/>.</param>
/// <param name="ShippingMethodCodes">The retailer's own shipping method codes, or <see langword="null"/>.</param>
public sealed record RetailerUpdate(
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("shipping_method_codes")] IReadOnlyList<string>? ShippingMethodCodes = null);
