namespace Cymbio;

/// <summary>The account id an aggregate binds, and the error when it is missing.</summary>
internal static class CymbioAccounts
{
    /// <summary>The id <paramref name="account"/> binds: 0 for <see cref="CymbioAccount.None"/>, otherwise the configured id.</summary>
    public static long? IdOf(CymbioAccount account, CymbioClientOptions options) => account switch
    {
        CymbioAccount.Supplier => options.SupplierId,
        CymbioAccount.Retailer => options.RetailerId,
        _ => 0,
    };

    /// <summary>Why <paramref name="aggregate"/> cannot be created from <paramref name="options"/>, or <see langword="null"/>.</summary>
    public static string? Problem(CymbioAccount account, CymbioClientOptions options, string aggregate) => IdOf(account, options) switch
    {
        null => $"Cymbio:{account}Id is required by {aggregate}: set the {account.ToString().ToLowerInvariant()} id Cymbio issued.",
        <= 0 when account != CymbioAccount.None => $"Cymbio:{account}Id must be a positive id for {aggregate}.",
        _ => null,
    };
}
