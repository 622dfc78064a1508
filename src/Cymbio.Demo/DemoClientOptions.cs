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

    /// <summary>
    /// The options of the read-only reporting client: the same account and endpoint, granted only
    /// <see cref="SupplierOrderSync.ReportingGrants"/>, with one token for all its grants.
    /// </summary>
    /// <param name="options">The sync's options.</param>
    /// <returns>The reporting client's options.</returns>
    public static CymbioClientOptions ForReporting(CymbioClientOptions options)
    {
        var reporting = new CymbioClientOptions
        {
            Environment = options.Environment,
            BaseAddress = options.BaseAddress,
            TokenPath = options.TokenPath,
            ClientId = options.ClientId,
            ClientSecret = options.ClientSecret,
            Username = options.Username,
            Password = options.Password,
            GrantType = options.GrantType,
            SupplierId = options.SupplierId,
        };
        foreach (var scope in SupplierOrderSync.ReportingGrants)
        {
            reporting.Grants.Add(scope);
        }

        return reporting;
    }

    /// <summary>The sync's grants (its <c>[CymbioGrants]</c>), of which the token asks for exactly what the build found the code requiring.</summary>
    private static CymbioClientOptions WithGrants(CymbioClientOptions options)
    {
        foreach (var scope in SupplierOrderSync.Grants)
        {
            options.Grants.Add(scope);
        }

        options.ScopeStrategy = CymbioScopeStrategy.Required;
        return options;
    }
}
