using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Xunit;

namespace Cymbio.Client.Tests;

/// <summary>The constants and metadata the generator emitted into Cymbio.Client from scopes.json.</summary>
public sealed class ManifestTests
{
    private static readonly string[] ExpectedScopes =
    {
        "read:channels",
        "read:inventory",
        "read:orders",
        "read:retailers",
        "read:suppliers",
        "read:variants",
        "read:warehouses",
        "write:fulfillments",
        "write:inventory",
        "write:orders",
        "write:retailers",
        "write:suppliers",
        "write:variants",
        "write:warehouses",
    };

    private static JsonDocument LoadManifest() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scopes.json")));

    private static List<(string Name, string Description)> ManifestScopes()
    {
        using var manifest = LoadManifest();
        return manifest.RootElement.GetProperty("scopes").EnumerateArray()
            .Select(s => (s.GetProperty("name").GetString()!, s.GetProperty("description").GetString()!))
            .ToList();
    }

    [Fact]
    public void All_HoldsTheFourteenScopesOfTheManifest_InManifestOrder()
    {
        Assert.Equal(14, CymbioScopes.All.Count);
        Assert.Equal(ExpectedScopes, CymbioScopes.All);
        Assert.Equal(ManifestScopes().Select(s => s.Name), CymbioScopes.All);
    }

    [Fact]
    public void Constants_HaveTheScopeNames()
    {
        Assert.Equal("read:channels", CymbioScopes.ReadChannels);
        Assert.Equal("read:inventory", CymbioScopes.ReadInventory);
        Assert.Equal("read:orders", CymbioScopes.ReadOrders);
        Assert.Equal("read:retailers", CymbioScopes.ReadRetailers);
        Assert.Equal("read:suppliers", CymbioScopes.ReadSuppliers);
        Assert.Equal("read:variants", CymbioScopes.ReadVariants);
        Assert.Equal("read:warehouses", CymbioScopes.ReadWarehouses);
        Assert.Equal("write:fulfillments", CymbioScopes.WriteFulfillments);
        Assert.Equal("write:inventory", CymbioScopes.WriteInventory);
        Assert.Equal("write:orders", CymbioScopes.WriteOrders);
        Assert.Equal("write:retailers", CymbioScopes.WriteRetailers);
        Assert.Equal("write:suppliers", CymbioScopes.WriteSuppliers);
        Assert.Equal("write:variants", CymbioScopes.WriteVariants);
        Assert.Equal("write:warehouses", CymbioScopes.WriteWarehouses);
    }

    [Fact]
    public void EveryScope_IsAValidScopeToken()
    {
        Assert.All(CymbioScopes.All, scope => Assert.True(ScopeSet.IsValidScope(scope), scope));
        Assert.Equal(14, ScopeSet.Create(CymbioScopes.All).Count);
    }

    [Fact]
    public void Assembly_CarriesAScopeDefinitionForEveryScope()
    {
        var definitions = typeof(CymbioScopes).Assembly.GetCustomAttributes<CymbioScopeDefinitionAttribute>().ToList();

        Assert.Equal(14, definitions.Count);
        Assert.Equal(
            ExpectedScopes.OrderBy(s => s, StringComparer.Ordinal),
            definitions.Select(d => d.Name).OrderBy(s => s, StringComparer.Ordinal));
        Assert.All(definitions, d => Assert.False(string.IsNullOrWhiteSpace(d.Description), d.Name));

        var expected = ManifestScopes().ToDictionary(s => s.Name, s => s.Description, StringComparer.Ordinal);
        Assert.All(definitions, d => Assert.Equal(expected[d.Name], d.Description));
    }

    [Fact]
    public void Environments_AndTokenSettings()
    {
        Assert.Equal("https://api.cym.bio/", CymbioEnvironments.Production);
        Assert.Equal("https://cymbio3-api-staging.cym.bio/", CymbioEnvironments.Staging);
        Assert.Equal("oauth/token", CymbioEnvironments.TokenPath);
        Assert.Equal(300, CymbioEnvironments.TokenLifetimeSeconds);

        using var manifest = LoadManifest();
        var root = manifest.RootElement;
        Assert.Equal(CymbioEnvironments.Production, root.GetProperty("environments").GetProperty("production").GetString());
        Assert.Equal(CymbioEnvironments.Staging, root.GetProperty("environments").GetProperty("staging").GetString());
        Assert.Equal(CymbioEnvironments.TokenPath, root.GetProperty("tokenPath").GetString());
        Assert.Equal(CymbioEnvironments.TokenLifetimeSeconds, root.GetProperty("tokenLifetimeSeconds").GetInt32());
    }
}
