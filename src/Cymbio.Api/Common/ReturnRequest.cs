using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Cymbio.Api;

/// <summary>
/// A pushed return: <c>{"reason": "Wrong Size", "return_id": "A11B22", "return_lines": […]}</c> — the supplier's for a
/// fulfillment (C-13) and the retailer's for an order (I-24, which mirrors C-13). With a <see cref="ReturnId"/> Cymbio
/// treats the return as unique (safe to retry); without one, every call creates a new return.
/// </summary>
/// <param name="ReturnLines">The returned items.</param>
/// <param name="Reason">The reason, or <see langword="null"/>.</param>
/// <param name="ReturnId">A client-chosen id that makes the call idempotent, or <see langword="null"/>.</param>
public sealed record ReturnRequest(
    [property: JsonPropertyName("return_lines")] IReadOnlyList<LineItem> ReturnLines,
    [property: JsonPropertyName("reason")] string? Reason = null,
    [property: JsonPropertyName("return_id")] string? ReturnId = null);
