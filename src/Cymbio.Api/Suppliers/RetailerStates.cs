namespace Cymbio.Api.Suppliers;

/// <summary>Known values of <see cref="Fulfillment.RetailerState"/> (an open set).</summary>
public static class RetailerStates
{
    /// <summary>The retailer placed the order.</summary>
    public const string Ordered = "ordered";
}
