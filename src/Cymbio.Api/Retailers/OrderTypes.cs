namespace Cymbio.Api.Retailers;

/// <summary>
/// Known values of an order's <c>type</c> (an open set). Cymbio's order model writes it in capitals, unlike the
/// <c>service_type</c> query parameter (<see cref="ServiceTypes"/>).
/// </summary>
public static class OrderTypes
{
    /// <summary>An e-commerce dropship order (S14).</summary>
    public const string Ecommerce = "ECOMMERCE";
}
