using System;
using System.Threading.Tasks;
using Cymbio.Api.Suppliers;
using Cymbio.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Xunit;

namespace Cymbio.Api.Tests.Aggregates;

/// <summary><c>services.AddCymbio(…).AddSupplier()</c> and <c>.AddRetailer()</c>: the aggregates resolve and call, and a missing account id fails validation.</summary>
public sealed class AggregateDependencyInjectionTests
{
    [Fact]
    public async Task AddSupplier_ResolvesTheSupplierClient_WhichCallsWithTheConfiguredSupplierId()
    {
        using var cymbio = new InMemoryCymbio();
        await using var provider = Services(cymbio, static o => InMemoryCymbio.Configure(o)).AddSupplier().Services.BuildServiceProvider();

        var supplier = provider.GetRequiredService<CymbioSupplierClient>();
        await supplier.Fulfillments.AcceptAsync(929, new AcceptFulfillmentRequest("1Z"));

        ApiAssert.SentExactly(cymbio, "PUT", "/v3/suppliers/88/fulfillments/929/setStatus/accepted", """{"tracking_number":"1Z"}""");
    }

    [Fact]
    public async Task AddRetailer_ResolvesTheRetailerClient_WhichCallsWithTheConfiguredRetailerId()
    {
        using var cymbio = new InMemoryCymbio();
        await using var provider = Services(cymbio, static o => InMemoryCymbio.Configure(o)).AddRetailer(useStandardResilience: false).Services.BuildServiceProvider();

        await provider.GetRequiredService<CymbioRetailerClient>().Orders.GetAsync(5);

        ApiAssert.SentExactly(cymbio, "GET", "/v3/retailers/7/orders/5", null);
    }

    [Fact]
    public async Task AddRetailer_WithoutARetailerId_FailsValidation_NamingTheSetting_WithoutTheSecret()
    {
        using var cymbio = new InMemoryCymbio();
        await using var provider = Services(cymbio, static o => InMemoryCymbio.Configure(o).RetailerId = null).AddSupplier().AddRetailer().Services.BuildServiceProvider();

        var onStart = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var onUse = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CymbioClientOptions>>().Value);

        foreach (var thrown in new[] { onStart, onUse })
        {
            var failure = Assert.Single(thrown.Failures);
            Assert.Contains("CymbioClientOptions.RetailerId", failure, StringComparison.Ordinal);
            Assert.Contains(nameof(CymbioRetailerClient), failure, StringComparison.Ordinal);
            Assert.DoesNotContain(InMemoryCymbio.Secret, thrown.Message, StringComparison.Ordinal);
        }

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<CymbioRetailerClient>());
        Assert.Empty(cymbio.Requests);
    }

    [Fact]
    public async Task AddSupplier_WithoutARetailerId_PassesValidation()
    {
        using var cymbio = new InMemoryCymbio();
        await using var provider = Services(cymbio, static o => InMemoryCymbio.Configure(o).RetailerId = null).AddSupplier().Services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Null(provider.GetRequiredService<IOptions<CymbioClientOptions>>().Value.RetailerId);
    }

    /// <summary>
    /// <c>AddCymbio</c> with every HTTP client of the container (the token endpoint's too) sent to
    /// <paramref name="cymbio"/>. A post-configuration, so that it comes after every client's own primary handler
    /// (Refit.HttpClientFactory sets one on each Refit client, which overrides <c>ConfigureHttpClientDefaults</c>).
    /// </summary>
    private static ICymbioBuilder Services(InMemoryCymbio cymbio, Action<CymbioClientOptions> configure)
    {
        var services = new ServiceCollection();
        services.PostConfigureAll<HttpClientFactoryOptions>(factory => factory.HttpMessageHandlerBuilderActions.Add(handlers => handlers.PrimaryHandler = new NonDisposing(cymbio)));
        return services.AddCymbio(configure);
    }

    /// <summary>The factory disposes the handlers it rotates; the test owns <see cref="InMemoryCymbio"/>.</summary>
    private sealed class NonDisposing(InMemoryCymbio cymbio) : System.Net.Http.DelegatingHandler(cymbio)
    {
        protected override void Dispose(bool disposing)
        {
            // Keep the inner handler: it belongs to the test.
        }
    }
}
