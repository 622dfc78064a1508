using System;

namespace Cymbio.Api;

/// <summary>
/// A list filter, sent as Cymbio's <c>filter</c> query parameter: a compact JSON object of the keys that are set
/// (<c>filter={"retailer_state":"ordered","fulfillment_state":"new"}</c>, URL-encoded). Refit formats it through
/// <see cref="IFormattable"/>, so it works with any <c>RefitSettings</c>.
/// </summary>
public abstract class CymbioFilter : IFormattable
{
    private protected CymbioFilter()
    {
    }

    /// <summary>Returns the filter as compact JSON, without the keys that are not set.</summary>
    /// <returns>For example <c>{"fulfillment_state":"new"}</c>.</returns>
    public abstract string ToJson();

    /// <summary>Returns <see cref="ToJson"/>.</summary>
    /// <returns>The filter as compact JSON.</returns>
    public override string ToString() => ToJson();

    /// <inheritdoc/>
    string IFormattable.ToString(string? format, IFormatProvider? formatProvider) => ToJson();
}
