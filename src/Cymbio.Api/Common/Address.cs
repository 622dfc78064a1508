using System.Text.Json.Serialization;

namespace Cymbio.Api;

/// <summary>A postal address (orders and fulfillments; the field names are reconstructed, see docs/cymbio-api.md §6.6).</summary>
public sealed record Address
{
    /// <summary>Gets the first name.</summary>
    [JsonPropertyName("first_name")]
    public string? FirstName { get; init; }

    /// <summary>Gets the last name.</summary>
    [JsonPropertyName("last_name")]
    public string? LastName { get; init; }

    /// <summary>Gets the first address line.</summary>
    [JsonPropertyName("address1")]
    public string? Address1 { get; init; }

    /// <summary>Gets the second address line.</summary>
    [JsonPropertyName("address2")]
    public string? Address2 { get; init; }

    /// <summary>Gets the city.</summary>
    [JsonPropertyName("city")]
    public string? City { get; init; }

    /// <summary>Gets the state or region.</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    /// <summary>Gets the postal code.</summary>
    [JsonPropertyName("zip")]
    public string? Zip { get; init; }

    /// <summary>Gets the country.</summary>
    [JsonPropertyName("country")]
    public string? Country { get; init; }

    /// <summary>Gets the phone number.</summary>
    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    /// <summary>Gets the e-mail address.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }
}
