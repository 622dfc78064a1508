namespace Cymbio.Api.Suppliers;

/// <summary>The targets of <c>PUT …/fulfillments/{id}/setStatus/{status}</c> (docs/cymbio-api.md §2.6).</summary>
public static class FulfillmentStatuses
{
    /// <summary>Accept the fulfillment.</summary>
    public const string Accepted = "accepted";

    /// <summary>Ship the whole fulfillment.</summary>
    public const string Shipped = "shipped";

    /// <summary>Approve the retailer's cancellation.</summary>
    public const string Canceled = "canceled";

    /// <summary>Refuse the retailer's cancellation.</summary>
    public const string CancellationNotAllowed = "cancellation_not_allowed";

    /// <summary>Reject: out of stock.</summary>
    public const string OutOfStock = "out_of_stock";

    /// <summary>Reject: unknown SKU.</summary>
    public const string MissingSku = "missing_sku";

    /// <summary>Reject: the address is wrong.</summary>
    public const string WrongAddress = "wrong_address";
}
