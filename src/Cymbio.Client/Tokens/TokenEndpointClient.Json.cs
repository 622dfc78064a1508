using System.Collections.Generic;
using System.Text.Json;
using Duende.IdentityModel.Client;

namespace Cymbio;

/// <summary>Reading the JSON of a token response: parsing, duplicate members, <c>scope</c>'s spellings, member values, the body excerpt.</summary>
internal sealed partial class TokenEndpointClient
{
    private static JsonElement? TryParse(TokenResponse response)
    {
        if (response.Json is { } json)
        {
            return json;
        }

        if (string.IsNullOrWhiteSpace(response.Raw))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(response.Raw);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether the (object) body has a member twice, at any depth.</summary>
    private static bool HasDuplicateMembers(string? raw)
    {
        try
        {
            using var strict = JsonDocument.Parse(raw ?? string.Empty, Strict);
            return false;
        }
        catch (JsonException)
        {
            return true; // it parsed without the duplicate check, so duplicates are what failed
        }
    }

    /// <summary>
    /// <c>scope</c> as RFC 6749 gives it (a space-separated string), as some servers do (comma-separated), or as a JSON
    /// array of strings — all read as one space-separated string; <see langword="null"/> when absent.
    /// </summary>
    private static string? ScopeText(JsonElement token)
    {
        if (!token.TryGetProperty("scope", out var scope) || scope.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (scope.ValueKind == JsonValueKind.Array)
        {
            var names = new List<string>();
            foreach (var item in scope.EnumerateArray())
            {
                // A non-string item cannot be a scope token: make the whole value unreadable, never silently shorter.
                names.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : "\u0000");
            }

            return string.Join(' ', names);
        }

        return scope.ValueKind == JsonValueKind.String ? scope.GetString() : "\u0000";
    }

    private static string? Get(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    /// <summary>
    /// At most 512 characters of a response body, with the values of token-bearing members masked (whatever the
    /// encoding), made printable by <see cref="ServerText"/>.
    /// </summary>
    internal static string? Excerpt(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return null;
        }

        // Masked before it is cut (a cut could split a token from its member name), then made printable.
        return ServerText.Printable(TokenMember().Replace(body, "$1****"), ExcerptLength);
    }
}
