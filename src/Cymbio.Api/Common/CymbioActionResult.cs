using System.Text.Json.Serialization;

namespace Cymbio.Api;

/// <summary>What Cymbio answers to an action: <c>{"success": true, "message": "..."}</c>.</summary>
/// <param name="Success">Whether Cymbio reports success.</param>
/// <param name="Message">Cymbio's message, if any.</param>
public sealed record CymbioActionResult(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("message")] string? Message = null);
