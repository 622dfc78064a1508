using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Cymbio.Api.Suppliers;

/// <summary>
/// Rejects (cancels) lines of one fulfillment: <c>{"id": 120, "rejectId": "A111B222", "items": […]}</c>. With a
/// <see cref="RejectId"/> the rejection is an update that Cymbio applies once however often it is sent (safe to
/// retry); without one, the items are a snapshot of what is rejected.
/// </summary>
/// <param name="FulfillmentId">The fulfillment id (Cymbio calls the field <c>id</c>).</param>
/// <param name="Items">The rejected items.</param>
/// <param name="RejectId">A client-chosen id, unique per rejection (camelCase <c>rejectId</c>), or <see langword="null"/>.</param>
public sealed record Rejection(
    [property: JsonPropertyName("id")] long FulfillmentId,
    [property: JsonPropertyName("items")] IReadOnlyList<LineItem> Items,
    [property: JsonPropertyName("rejectId")] string? RejectId = null);
