using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Cymbio.Api.Suppliers;

namespace Cymbio.Emulator;

/// <summary>
/// Matches list items against Cymbio's <c>filter</c> query object: every known key must match (a value, or an array
/// of values any of which matches); keys a route does not know are ignored, as a tolerant server would.
/// </summary>
internal static class FilterMatch
{
    /// <summary>Whether every key of <paramref name="filter"/> that <paramref name="field"/> knows matches.</summary>
    public static bool All(JsonElement filter, Func<string, Func<JsonElement, bool>?> field)
    {
        if (filter.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        foreach (var property in filter.EnumerateObject())
        {
            if (field(property.Name) is not { } match)
            {
                continue;
            }

            var value = property.Value;
            var matched = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Any(match) : match(value);
            if (!matched)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A text field, compared ordinally.</summary>
    public static Func<JsonElement, bool> Text(string? actual) =>
        value => value.ValueKind == JsonValueKind.String && string.Equals(value.GetString(), actual, StringComparison.Ordinal);

    /// <summary>A state: <c>cancelling</c> and <c>canceling</c> are the same state (Cymbio spells it both ways).</summary>
    public static Func<JsonElement, bool> State(string? actual) =>
        value => value.ValueKind == JsonValueKind.String
            && (string.Equals(value.GetString(), actual, StringComparison.Ordinal)
                || (FulfillmentStates.IsCancellationRequested(value.GetString()) && FulfillmentStates.IsCancellationRequested(actual)));

    /// <summary>A numeric field; the filter may give the number as a JSON number or a string.</summary>
    public static Func<JsonElement, bool> Number(long? actual) =>
        value => actual is { } a && value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out var n) && n == a,
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n == a,
            _ => false,
        };
}
