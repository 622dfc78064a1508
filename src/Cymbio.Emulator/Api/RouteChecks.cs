using System;
using System.Collections.Generic;
using System.Linq;

namespace Cymbio.Emulator;

/// <summary>Body checks the resource routes share; each failure is a 400 with a message naming the field.</summary>
internal static class RouteChecks
{
    /// <summary>Throws 400 unless <paramref name="value"/> has text.</summary>
    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw EmulatorRequestException.BadRequest($"The field {field} is required.") : value;

    /// <summary>Throws 400 when <paramref name="value"/> is given but blank.</summary>
    public static void NotBlank(string? value, string field)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            throw EmulatorRequestException.BadRequest($"The field {field} must not be blank.");
        }
    }

    /// <summary>Throws 400 when a price or weight is negative.</summary>
    public static void NotNegative(decimal? value, string field)
    {
        if (value < 0)
        {
            throw EmulatorRequestException.BadRequest($"The field {field} must not be negative.");
        }
    }

    /// <summary>
    /// Throws 400 unless the subdomain is 1–63 lower-case letters, digits and hyphens, not starting or ending with a
    /// hyphen.
    /// </summary>
    public static string Subdomain(string? value, string field = "subdomain")
    {
        var text = Required(value, field);
        var valid = text.Length <= 63 && text[0] != '-' && text[^1] != '-' && text.All(static c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
        return valid ? text : throw EmulatorRequestException.BadRequest($"The {field} '{EmulatorText.Printable(text)}' must be lower-case letters, digits and hyphens.");
    }

    /// <summary>Throws 400 unless the list has items.</summary>
    public static IReadOnlyList<T> NotEmpty<T>(IReadOnlyList<T>? items, string field) =>
        items is { Count: > 0 } ? items : throw EmulatorRequestException.BadRequest($"The field {field} needs at least one item.");

    /// <summary>The first of several equal-text keys (sku, upc, ean) that is given.</summary>
    public static string Describe(string? sku, string? upc, string? ean, long? variantId = null) =>
        sku is not null ? $"sku {EmulatorText.Printable(sku)}"
        : upc is not null ? $"upc {EmulatorText.Printable(upc)}"
        : ean is not null ? $"ean {EmulatorText.Printable(ean)}"
        : variantId is { } id ? $"variant_id {id}"
        : "(no key)";

    /// <summary>Equal texts, or both absent.</summary>
    public static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.Ordinal);
}
