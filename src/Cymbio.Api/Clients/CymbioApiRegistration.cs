using System;
using Cymbio.Api;
using Microsoft.Extensions.Http.Resilience;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Cymbio API's aggregate clients on top of <c>AddCymbio</c>.</summary>
public static class CymbioApiRegistration
{
    /// <summary>
    /// Registers <see cref="CymbioSupplierClient"/> and its Refit interfaces (token handler, standard resilience), with
    /// a start-up check that <c>Cymbio:SupplierId</c> is configured.
    /// </summary>
    /// <param name="builder">The builder <c>AddCymbio</c> returned.</param>
    /// <param name="useStandardResilience">Whether to add the standard resilience pipeline.</param>
    /// <param name="configureResilience">Adjusts the resilience options.</param>
    /// <returns>The builder.</returns>
    public static ICymbioBuilder AddSupplier(this ICymbioBuilder builder, bool useStandardResilience = true, Action<HttpStandardResilienceOptions>? configureResilience = null) =>
        builder.AddAggregate<CymbioSupplierClient>(settings: null, useStandardResilience, configureResilience);

    /// <summary>
    /// Registers <see cref="CymbioRetailerClient"/> and its Refit interfaces (token handler, standard resilience), with
    /// a start-up check that <c>Cymbio:RetailerId</c> is configured.
    /// </summary>
    /// <param name="builder">The builder <c>AddCymbio</c> returned.</param>
    /// <param name="useStandardResilience">Whether to add the standard resilience pipeline.</param>
    /// <param name="configureResilience">Adjusts the resilience options.</param>
    /// <returns>The builder.</returns>
    public static ICymbioBuilder AddRetailer(this ICymbioBuilder builder, bool useStandardResilience = true, Action<HttpStandardResilienceOptions>? configureResilience = null) =>
        builder.AddAggregate<CymbioRetailerClient>(settings: null, useStandardResilience, configureResilience);
}
