using System;

namespace Cymbio;

/// <summary>
/// Says where a Cymbio endpoint's method and path come from: seen in a public Cymbio source, or reconstructed.
/// Cymbio publishes no per-endpoint reference; the identifiers (<c>C-1</c>, <c>I-12</c>, …) and sources (<c>S9</c>, …)
/// are those of the SDK's API notes (docs/cymbio-api.md).
/// </summary>
/// <example>
/// <code>
/// [Get("/v3/suppliers/{supplierId}/fulfillments")]
/// [CymbioScope(CymbioScopes.ReadOrders)]
/// [CymbioEndpoint("C-1", CymbioEvidence.Confirmed, "S5 S6 S9")]
/// Task&lt;IReadOnlyList&lt;Fulfillment&gt;&gt; ListAsync(long supplierId, FulfillmentFilter? filter = null);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class CymbioEndpointAttribute : Attribute
{
    /// <summary>Initializes the attribute.</summary>
    /// <param name="id">The endpoint's identifier in the API notes, for example <c>C-1</c> or <c>I-12</c>.</param>
    /// <param name="evidence">How well the method and path are known.</param>
    /// <param name="sources">The sources that show the endpoint, space-separated (for example <c>S5 S9</c>); empty when inferred.</param>
    public CymbioEndpointAttribute(string id, CymbioEvidence evidence, string sources = "")
    {
        Id = id ?? string.Empty;
        Evidence = evidence;
        Sources = sources ?? string.Empty;
    }

    /// <summary>Gets the endpoint's identifier in the API notes.</summary>
    public string Id { get; }

    /// <summary>Gets how well the method and path are known.</summary>
    public CymbioEvidence Evidence { get; }

    /// <summary>Gets the sources that show the endpoint, space-separated.</summary>
    public string Sources { get; }
}

/// <summary>How well a Cymbio endpoint's method and path are known.</summary>
public enum CymbioEvidence
{
    /// <summary>Seen in a current, official source (Cymbio's guides or Postman collection).</summary>
    Confirmed,

    /// <summary>Seen, but in an old, prototype or self-contradicting source: likely, not certain.</summary>
    Dated,

    /// <summary>Not seen anywhere: reconstructed to be consistent with the confirmed endpoints. Check it against your account's Cymbio documentation.</summary>
    Inferred,
}
