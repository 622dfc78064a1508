namespace Cymbio.Api.Retailers;

/// <summary>
/// Known values of the <c>service_type</c> query parameter of <see cref="IRetailerCatalogApi.ListProductsAsync"/> (an
/// open set: other service types probably exist, for example marketplace or wholesale, but none was seen).
/// </summary>
public static class ServiceTypes
{
    /// <summary>E-commerce dropship, the one value Cymbio's guide shows (S4).</summary>
    public const string Ecommerce = "ecommerce";
}
