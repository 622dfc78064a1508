using System;
using Cymbio;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Refit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers aggregate clients (<see cref="CymbioAggregateAttribute"/>) on top of <c>AddCymbio</c>.</summary>
public static class CymbioAggregateRegistration
{
    /// <summary>
    /// Registers the aggregate client <typeparamref name="TAggregate"/> as a transient service, each of its Refit
    /// interfaces through <see cref="ICymbioBuilder.AddClient{TApi}"/> (the token handler and, by default, the standard
    /// resilience pipeline), and a start-up check that the account id it binds is configured.
    /// </summary>
    /// <typeparam name="TAggregate">The aggregate client.</typeparam>
    /// <param name="builder">The builder <c>AddCymbio</c> returned.</param>
    /// <param name="settings">Refit settings; the aggregate's own (<c>CreateRefitSettings()</c>) when <see langword="null"/>.</param>
    /// <param name="useStandardResilience">Whether to add the standard resilience pipeline to each interface's client.</param>
    /// <param name="configureResilience">Adjusts the resilience options.</param>
    /// <returns>The builder, to register more clients.</returns>
    public static ICymbioBuilder AddAggregate<TAggregate>(
        this ICymbioBuilder builder,
        RefitSettings? settings = null,
        bool useStandardResilience = true,
        Action<HttpStandardResilienceOptions>? configureResilience = null)
        where TAggregate : class, ICymbioAggregate<TAggregate>
    {
        ArgumentNullException.ThrowIfNull(builder);
        TAggregate.VisitApis(new Registrar(builder, settings ?? TAggregate.DefaultRefitSettings, useStandardResilience, configureResilience));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CymbioClientOptions>, AccountValidator<TAggregate>>());
        builder.Services.TryAddTransient(static sp => TAggregate.Create(
            new ServiceProviderApis(sp),
            CymbioAccounts.IdOf(TAggregate.Account, sp.GetRequiredService<IOptions<CymbioClientOptions>>().Value) ?? 0));
        return builder;
    }

    private sealed class Registrar(ICymbioBuilder builder, RefitSettings? settings, bool useStandardResilience, Action<HttpStandardResilienceOptions>? configureResilience) : ICymbioApiVisitor
    {
        public void Visit<TApi>()
            where TApi : class => builder.AddClient<TApi>(settings, useStandardResilience, configureResilience);
    }

    private sealed class ServiceProviderApis(IServiceProvider services) : ICymbioApiSource
    {
        public TApi Get<TApi>()
            where TApi : class => services.GetRequiredService<TApi>();
    }

    /// <summary>Fails start-up (<c>ValidateOnStart</c>) when the aggregate's account id is missing.</summary>
    private sealed class AccountValidator<TAggregate>(OptionNames names) : IValidateOptions<CymbioClientOptions>
        where TAggregate : class, ICymbioAggregate<TAggregate>
    {
        public ValidateOptionsResult Validate(string? name, CymbioClientOptions options) =>
            CymbioAccounts.Problem(TAggregate.Account, options, typeof(TAggregate).Name, names) is { } problem
                ? ValidateOptionsResult.Fail(problem)
                : ValidateOptionsResult.Success;
    }
}
