using System.Collections.Generic;
using System.Linq;

namespace Cymbio.Emulator;

/// <summary>
/// The accounts an emulator accepts when <see cref="CymbioEmulatorOptions.Accounts"/> is left empty: a fully granted
/// supplier and retailer, and a read-only supplier for refusals. Their credentials are fixed test values, printed by
/// the standalone emulator so that other tools can use them.
/// </summary>
public static class EmulatorAccounts
{
    /// <summary>The supplier id of the default supplier accounts (88, as in Cymbio's Postman collection).</summary>
    public const long SupplierId = 88;

    /// <summary>The retailer id of the default retailer account.</summary>
    public const long RetailerId = 12;

    /// <summary>The name of the fully granted supplier account.</summary>
    public const string Supplier = "supplier";

    /// <summary>The name of the fully granted retailer account.</summary>
    public const string Retailer = "retailer";

    /// <summary>The name of the supplier account allowed only <c>read:orders</c> and <c>read:inventory</c>.</summary>
    public const string ReadOnlySupplier = "read-only-supplier";

    /// <summary>Creates the default accounts.</summary>
    /// <returns>A supplier and a retailer allowed every scope Cymbio defines, and a read-only supplier.</returns>
    public static IReadOnlyList<EmulatorAccount> CreateDefaults() =>
    [
        new(Supplier, "emulator-supplier", "emulator-supplier-secret", CymbioScopes.All)
        {
            Username = "supplier@emulator.cymbio.test", Password = "emulator-supplier-password", SupplierId = SupplierId,
        },
        new(Retailer, "emulator-retailer", "emulator-retailer-secret", CymbioScopes.All)
        {
            Username = "retailer@emulator.cymbio.test", Password = "emulator-retailer-password", RetailerId = RetailerId,
        },
        new(ReadOnlySupplier, "emulator-read-only", "emulator-read-only-secret", [CymbioScopes.ReadOrders, CymbioScopes.ReadInventory])
        {
            Username = "reader@emulator.cymbio.test", Password = "emulator-read-only-password", SupplierId = SupplierId,
        },
    ];

    internal static bool HasDuplicateClientIds(IEnumerable<EmulatorAccount> accounts) =>
        accounts.GroupBy(static a => a.ClientId, System.StringComparer.Ordinal).Any(static g => g.Count() > 1);
}
