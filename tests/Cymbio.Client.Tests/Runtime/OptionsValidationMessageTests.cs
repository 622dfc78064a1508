using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Cymbio.Client.Tests.Runtime;

/// <summary>
/// What a developer reads when the options are wrong (issue 12 item 4): one clean clause per problem, options named as
/// they were given (configuration key or property), a "did you mean" for a misspelt grant, and the grants a directly
/// built <see cref="CymbioClient"/> is compared with.
/// </summary>
public sealed class OptionsValidationMessageTests
{
    [Fact]
    public void OptionsSetInCode_AreNamedByTheirProperties_AndTheMessageReadsAsClauses()
    {
        var services = new ServiceCollection();
        services.AddCymbio(o => o.Grants.Add(CymbioScopes.ReadOrders));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("CymbioClientOptions.ClientId is required; CymbioClientOptions.ClientSecret is required", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Cymbio:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(".;", error.Message, StringComparison.Ordinal);
        Assert.All(error.Failures, f => Assert.False(f.EndsWith('.'), f));
    }

    [Theory]
    [InlineData("Cymbio")]
    [InlineData("Integrations:Cymbio")]
    public void OptionsFromConfiguration_AreNamedByTheirKeysInTheGivenSection(string section)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [section + ":ClientSecret"] = "s",
            [section + ":Grants:0"] = "read:orders",
            [section + ":Tokens:MaxRetries"] = "-1",
        }).Build();
        var services = new ServiceCollection();
        services.AddCymbio(configuration.GetSection(section));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            [$"{section}:ClientId is required", $"{section}:Tokens:MaxRetries must be 0 or more, AttemptTimeout positive and TotalTimeout at least AttemptTimeout"],
            error.Failures);
    }

    [Theory]
    [InlineData("read:order", "which no scope manifest declares (did you mean 'read:orders'?)")]
    [InlineData("Read:Orders", "which no scope manifest declares (did you mean 'read:orders'?)")]
    [InlineData("read orders", "which is not an OAuth scope (did you mean 'read:orders'?)")]
    [InlineData("admin:all", "which no scope manifest declares")]
    public void AMisspeltGrant_GetsTheClosestKnownScope(string grant, string expected)
    {
        var options = new CymbioClientOptions { ClientId = "c", ClientSecret = "s", Grants = { grant } };

        var error = Assert.Single(CymbioClientOptionsValidator.Errors(options, []));

        Assert.Equal($"Cymbio:Grants contains '{grant}', {expected}", error);
    }

    [Fact]
    public void AGrantWithControlCharacters_IsShownCleaned()
    {
#pragma warning disable CYM0006 // Unknown scope: the compiler reports it too; here it is the runtime message.
        var options = new CymbioClientOptions { ClientId = "c", ClientSecret = "s", Grants = { "read:\u001b[31morders\u202E\r\nX" } };
#pragma warning restore CYM0006

        var error = Assert.Single(CymbioClientOptionsValidator.Errors(options, []));

        Assert.DoesNotContain(error, c => char.IsControl(c) || c == '\u202E');
        Assert.StartsWith("Cymbio:Grants contains 'read:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ADirectlyBuiltClient_IsNamedInCode_AndComparedWithItsOwnGrantsOnly()
    {
        // The application declares that it needs read:orders and write:inventory...
        var application = new DeclaringAssembly("DeclaresGrants", new CymbioGrantsAttribute(CymbioScopes.ReadOrders, CymbioScopes.WriteInventory));
        // ...and builds a deliberately narrower client for one job: the analyzer checks that client's calls against
        // these grants, so construction does not compare them with [assembly: CymbioGrants].
        var narrow = new CymbioClientOptions { ClientId = "c", ClientSecret = "s", Grants = { CymbioScopes.ReadOrders } };

        CymbioClient.Validate(narrow, [application]);
        Assert.Contains(CymbioClientOptionsValidator.Errors(narrow, [application]), e => e.Contains("lacks write:inventory", StringComparison.Ordinal));

        // Its own problems are still refused, named as the properties it was given.
        narrow.ClientSecret = "";
#pragma warning disable CYM0006 // Unknown scope: the compiler reports this typo too; here it is the runtime check.
        narrow.Grants.Add("write:inventroy");
#pragma warning restore CYM0006
        var error = Assert.Throws<OptionsValidationException>(() => CymbioClient.Validate(narrow, [application]));
        Assert.Equal(
            "CymbioClientOptions.ClientSecret is required; CymbioClientOptions.Grants contains 'write:inventroy', which no scope manifest declares (did you mean 'write:inventory'?)",
            error.Message);
        var constructed = Assert.Throws<OptionsValidationException>(() => new CymbioClient(narrow));
        Assert.Equal(error.Message, constructed.Message);
    }

    [Fact]
    public void AnAggregateWithoutItsAccountId_IsNamedAsTheOptionsWereGiven()
    {
        var fromCode = CymbioAccounts.Problem(CymbioAccount.Supplier, new CymbioClientOptions(), "SupplierClient", OptionNames.Code);

        Assert.Equal("CymbioClientOptions.SupplierId is required by SupplierClient: set the supplier id Cymbio issued", fromCode);
        Assert.StartsWith("Cymbio:SupplierId", CymbioAccounts.Problem(CymbioAccount.Supplier, new CymbioClientOptions(), "SupplierClient", OptionNames.Configuration), StringComparison.Ordinal);
    }
}
