using System.Collections.Generic;
using Cymbio.Emulator;

namespace Cymbio.Demo;

/// <summary>The <see cref="CymbioClientOptions"/> of a run: the emulator's supplier account, or staging with the caller's credentials.</summary>
internal static class DemoClientOptions
{
    /// <summary>Options for the emulator's fully granted supplier (88), asking for the grants of <see cref="SupplierOrderSync"/>.</summary>
    /// <param name="emulator">The running emulator.</param>
    /// <returns>The options.</returns>
    public static CymbioClientOptions ForEmulator(CymbioEmulator emulator)
    {
        var account = emulator.Account(EmulatorAccounts.Supplier);
        return WithGrants(new CymbioClientOptions
        {
            Environment = CymbioEnvironment.Custom,
            BaseAddress = emulator.BaseAddress,
            ClientId = account.ClientId,
            ClientSecret = account.ClientSecret,
            SupplierId = account.SupplierId,
        });
    }

    /// <summary>Options for Cymbio staging, asking for the grants of <see cref="SupplierOrderSync"/>.</summary>
    /// <param name="credentials">The caller's credentials.</param>
    /// <returns>The options.</returns>
    public static CymbioClientOptions ForStaging(DemoCredentials credentials) =>
        WithGrants(new CymbioClientOptions
        {
            Environment = CymbioEnvironment.Staging,
            ClientId = credentials.ClientId,
            ClientSecret = credentials.ClientSecret,
            Username = credentials.Username,
            Password = credentials.Password,
            SupplierId = credentials.SupplierId,
        });

    private static CymbioClientOptions WithGrants(CymbioClientOptions options)
    {
        foreach (var scope in SupplierOrderSync.Grants)
        {
            options.Grants.Add(scope);
        }

        return options;
    }
}
