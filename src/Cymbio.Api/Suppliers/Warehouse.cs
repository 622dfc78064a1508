using System.Text.Json.Serialization;

namespace Cymbio.Api.Suppliers;

/// <summary>
/// A warehouse (inventory source) of the supplier (an inferred shape, docs/cymbio-api.md I-8). Suppliers are issued
/// their warehouse ids. Members Cymbio adds are ignored.
/// </summary>
public sealed record Warehouse
{
    /// <summary>Gets the warehouse id (the <c>warehouse_id</c> of the other calls).</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>Gets the name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the supplier's code for the warehouse.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    /// <summary>Gets the warehouse's id in the supplier's own system.</summary>
    [JsonPropertyName("id_in_source")]
    public string? IdInSource { get; init; }

    /// <summary>Gets the address (the warehouse's keys are <c>address1</c>, <c>city</c>, <c>state</c>, <c>zip</c> and <c>country</c>).</summary>
    [JsonPropertyName("address")]
    public Address? Address { get; init; }

    /// <summary>Gets whether the warehouse is active.</summary>
    [JsonPropertyName("is_active")]
    public bool? IsActive { get; init; }
}

/// <summary>
/// The body of creating (I-10) or updating (I-11) a warehouse:
/// <c>{"name": …, "code": …, "address": {"address1": …, "city": …, "state": …, "zip": …, "country": …}, "is_active": true}</c>
/// (inferred). Members left <see langword="null"/> are not sent.
/// </summary>
/// <param name="Name">The name.</param>
/// <param name="Code">The supplier's code for the warehouse.</param>
/// <param name="Address">The address; set <see cref="Api.Address.Address1"/>, <see cref="Api.Address.City"/>, <see cref="Api.Address.State"/>, <see cref="Api.Address.Zip"/> and <see cref="Api.Address.Country"/>.</param>
/// <param name="IsActive">Whether the warehouse is active.</param>
public sealed record WarehouseRequest(
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("code")] string? Code = null,
    [property: JsonPropertyName("address")] Address? Address = null,
    [property: JsonPropertyName("is_active")] bool? IsActive = null);
