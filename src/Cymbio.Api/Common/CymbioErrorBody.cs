using System.Text.Json.Serialization;

namespace Cymbio.Api;

/// <summary>Cymbio's error body: <c>{"message": "..."}</c>.</summary>
/// <param name="Message">The message, as Cymbio sent it (not cleaned; see <see cref="CymbioApiException.ServerMessage"/>).</param>
public sealed record CymbioErrorBody([property: JsonPropertyName("message")] string? Message);
