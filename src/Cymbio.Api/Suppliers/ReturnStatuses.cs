namespace Cymbio.Api.Suppliers;

/// <summary>The targets of <c>PUT …/returns/{id}/setStatus/{status}</c> (inferred, docs/cymbio-api.md I-16).</summary>
public static class ReturnStatuses
{
    /// <summary>Approve the return.</summary>
    public const string Approved = "approved";

    /// <summary>Reject the return.</summary>
    public const string Rejected = "rejected";

    /// <summary>The end consumer was refunded.</summary>
    public const string Refunded = "refunded";
}
