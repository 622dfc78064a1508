using System;
using System.Threading.Tasks;
using Cymbio.Api.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Xunit;

namespace Cymbio.Api.Tests.Aggregates;

/// <summary><c>cymbio.Supplier</c> and <c>cymbio.Retailer</c> on a <see cref="CymbioClient"/>: created once, and only with the account id they bind.</summary>
public sealed class AggregateAccessTests
{
    [Fact]
    public void Supplier_IsTheSameInstanceEveryTime()
    {
        using var cymbio = new InMemoryCymbio();
        using var client = cymbio.CreateClient();

        var first = client.Supplier;

        Assert.Same(first, client.Supplier);
        Assert.Same(first, client.Aggregate<CymbioSupplierClient>());
        Assert.Same(client.Retailer, client.Retailer);
    }

    [Fact]
    public async Task Supplier_BindsTheConfiguredSupplierId()
    {
        using var cymbio = new InMemoryCymbio();
        using var client = cymbio.CreateClient(static o => o.SupplierId = 4321);

        await client.Supplier.Warehouses.GetAsync(3);

        Assert.Equal("/v3/suppliers/4321/warehouses/3", Assert.Single(cymbio.Requests).PathAndQuery);
    }

    [Fact]
    public void Supplier_WithoutASupplierId_ThrowsOptionsValidation_NamingTheSetting_WithoutTheSecret()
    {
        using var cymbio = new InMemoryCymbio();
        using var client = cymbio.CreateClient(static o => o.SupplierId = null);

        var thrown = Assert.Throws<OptionsValidationException>(() => client.Supplier);

        Assert.Contains("CymbioClientOptions.SupplierId", thrown.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(CymbioSupplierClient), thrown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(InMemoryCymbio.Secret, thrown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(InMemoryCymbio.Secret, string.Concat(thrown.Failures), StringComparison.Ordinal);
        Assert.Empty(cymbio.Requests);

        // The retailer side does not need a supplier id, and a failed access is not cached as an aggregate.
        Assert.NotNull(client.Retailer);
        Assert.Throws<OptionsValidationException>(() => client.Supplier);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-7L)]
    public void Retailer_WithANonPositiveRetailerId_ThrowsOptionsValidation(long retailerId)
    {
        using var cymbio = new InMemoryCymbio();
        using var client = cymbio.CreateClient(o => o.RetailerId = retailerId);

        var thrown = Assert.Throws<OptionsValidationException>(() => client.Retailer);

        Assert.Contains("CymbioClientOptions.RetailerId", thrown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(InMemoryCymbio.Secret, thrown.Message, StringComparison.Ordinal);
        Assert.Empty(cymbio.Requests);
    }
}
