using System.Text.Json.Serialization;

namespace Cymbio.Api.Suppliers;

/// <summary>The body of a return's status change: <c>{}</c>, or <c>{"refund_amount": …}</c> (inferred).</summary>
/// <param name="RefundAmount">The refunded amount, or <see langword="null"/>.</param>
public sealed record RefundRequest(
    [property: JsonPropertyName("refund_amount")] decimal? RefundAmount = null);
