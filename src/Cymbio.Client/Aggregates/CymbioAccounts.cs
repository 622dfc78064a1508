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
    /// <param name="account">The account the aggregate binds.</param>
    /// <param name="options">The options.</param>
    /// <param name="aggregate">The aggregate's name, for the message.</param>
    /// <param name="names">How the message names the option (configuration key or property).</param>
    public static string? Problem(CymbioAccount account, CymbioClientOptions options, string aggregate, OptionNames names) => IdOf(account, options) switch
    {
        null => $"{names.Of(account + "Id")} is required by {aggregate}: set the {account.ToString().ToLowerInvariant()} id Cymbio issued",
        <= 0 when account != CymbioAccount.None => $"{names.Of(account + "Id")} must be a positive id for {aggregate}",
        _ => null,
    };
}
