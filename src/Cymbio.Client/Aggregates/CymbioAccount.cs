namespace Cymbio;

/// <summary>Whose account an aggregate client acts for, and so which id of <see cref="CymbioClientOptions"/> it binds.</summary>
public enum CymbioAccount
{
    /// <summary>No account id is bound: the interfaces' methods keep all their parameters.</summary>
    None,

    /// <summary>A supplier: <see cref="CymbioClientOptions.SupplierId"/> is bound to the <c>supplierId</c> path parameter.</summary>
    Supplier,

    /// <summary>A retailer: <see cref="CymbioClientOptions.RetailerId"/> is bound to the <c>retailerId</c> path parameter.</summary>
    Retailer,
}
