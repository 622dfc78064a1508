using System;
using System.Text.Json.Serialization;

namespace Cymbio.Api.Suppliers;

/// <summary>
/// The supplier's profile (docs/cymbio-api.md C-14, S10). Its timestamps are camelCase in Cymbio's JSON
/// (<c>createdAt</c>, <c>updatedAt</c>). The payment keys the 2017 SDK shows are internal and not modelled; members
/// Cymbio adds are ignored.
/// </summary>
public sealed record Supplier
{
    /// <summary>Gets the supplier id (the <c>supplier_id</c> of the other calls).</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>Gets the name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the subdomain.</summary>
    [JsonPropertyName("subdomain")]
    public string? Subdomain { get; init; }

    /// <summary>Gets when the supplier was created (camelCase <c>createdAt</c>).</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets when the supplier was last changed (camelCase <c>updatedAt</c>).</summary>
    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; init; }
}

/// <summary>
/// The body of creating (C-15: <c>{"name": …, "subdomain": …}</c>) or updating (I-4, inferred) a supplier. Members left
/// <see langword="null"/> are not sent.
/// </summary>
/// <param name="Name">The name.</param>
/// <param name="Subdomain">The subdomain.</param>
public sealed record SupplierRequest(
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("subdomain")] string? Subdomain = null);
