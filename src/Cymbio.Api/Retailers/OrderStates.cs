namespace Cymbio.Api.Retailers;

/// <summary>
/// Known values of <see cref="RetailerOrder.State"/> (an open set: only <c>ordered</c> was seen, as the
/// <c>retailer_state</c> of the supplier's fulfillments). A fulfillment's own state is one of
/// <see cref="Suppliers.FulfillmentStates"/>.
/// </summary>
public static class OrderStates
{
    /// <summary>The retailer placed the order.</summary>
    public const string Ordered = "ordered";
}
