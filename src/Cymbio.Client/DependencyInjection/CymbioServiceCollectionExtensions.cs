using System;
using Cymbio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Cymbio's token provider, handler and scoped Refit clients.</summary>
/// <remarks>
/// The options are validated at start (<c>ValidateOnStart</c>). The scopes the application's code requires
/// (<see cref="CymbioRequiredScopesAttribute"/> on the loaded assemblies) are read once, when validation first runs;
/// when the first Cymbio client is created, grants outside them are logged once as a warning.
/// </remarks>
public static class CymbioServiceCollectionExtensions
{

    /// <summary>Adds Cymbio, configured from a configuration section (for example <c>configuration.GetSection("Cymbio")</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section bound to <see cref="CymbioClientOptions"/>.</param>
    /// <returns>A builder to register scoped Refit clients with.</returns>
    public static ICymbioBuilder AddCymbio(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddCymbioCore(builder => builder.Bind(configuration), OptionNames.Of(configuration));
    }

    /// <summary>Adds Cymbio, configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to register scoped Refit clients with.</returns>
    public static ICymbioBuilder AddCymbio(this IServiceCollection services, Action<CymbioClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddCymbioCore(builder => builder.Configure(configure), OptionNames.Code);
    }

    private static ICymbioBuilder AddCymbioCore(this IServiceCollection services, Action<OptionsBuilder<CymbioClientOptions>> configure, OptionNames names)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<CymbioClientOptions>();
        configure(options);
        options.ValidateOnStart();
        // Validation messages name the options as they were given: configuration keys, or properties set in code.
        services.TryAddSingleton(names);
        // The scopes the code requires, as the build derived them: read once, when validation first asks (at start).
        services.TryAddSingleton(static _ => RequiredScopes.OfLoadedAssemblies());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CymbioClientOptions>, CymbioClientOptionsValidator>(
            static sp => new CymbioClientOptionsValidator(sp.GetRequiredService<OptionNames>(), sp.GetRequiredService<RequiredScopes>())));
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddHttpClient(CymbioTokenProvider.TokenEndpointClientName)
            .ConfigureHttpClient(static http => http.MaxResponseContentBufferSize = TokenEndpointClient.MaxResponseBytes)
            .RemoveAllLoggers()
            .AddLogger(static sp => new CymbioHttpClientLogger(sp.GetRequiredService<ILogger<CymbioHttpClientLogger>>()));
        services.TryAddSingleton<ICymbioTokenProvider, CymbioTokenProvider>();
        services.TryAddTransient(static sp =>
        {
            var options = sp.GetRequiredService<IOptions<CymbioClientOptions>>().Value;
            var required = sp.GetRequiredService<RequiredScopes>();
            // When the first Cymbio client is created: grants no code requires, once per service provider.
            required.ReportOverGrants(options, sp.GetRequiredService<ILogger<CymbioClientOptions>>());
            return new CymbioAuthenticationHandler(sp.GetRequiredService<ICymbioTokenProvider>(), options, sp.GetService<ILogger<CymbioAuthenticationHandler>>(), required);
        });
        return new CymbioBuilder(services);
    }

    private sealed class CymbioBuilder(IServiceCollection services) : ICymbioBuilder
    {
        public IServiceCollection Services { get; } = services;

        public IHttpClientBuilder AddClient<TApi>(RefitSettings? settings = null, bool useStandardResilience = true, Action<HttpStandardResilienceOptions>? configureResilience = null)
            where TApi : class
        {
            // Refit's generated implementation (no reflection request builder): trim- and AOT-safe.
            var builder = Services.AddRefitGeneratedClient<TApi>(CymbioRefit.Configure(settings))
                .ConfigureHttpClient(static (sp, client) => client.BaseAddress = sp.GetRequiredService<IOptions<CymbioClientOptions>>().Value.EffectiveBaseAddress)
                .RemoveAllLoggers() // the default loggers put every header, the bearer token included, in their state
                .AddLogger(static sp => new CymbioHttpClientLogger(sp.GetRequiredService<ILogger<CymbioHttpClientLogger>>()));
            if (useStandardResilience)
            {
                // Outside the token handler, so every attempt passes through it and gets the current token.
                builder.AddStandardResilienceHandler(resilience =>
                {
                    resilience.Retry.ShouldHandle = CymbioResilience.ShouldRetry;
                    configureResilience?.Invoke(resilience);
                });
            }

            builder.AddHttpMessageHandler<CymbioAuthenticationHandler>();
            return builder;
        }
    }
}

/// <summary>Registers scoped Refit clients on top of <c>AddCymbio</c>.</summary>
public interface ICymbioBuilder
{
    /// <summary>Gets the services.</summary>
    IServiceCollection Services { get; }

    /// <summary>
    /// Registers the Refit client <typeparamref name="TApi"/> through Refit.HttpClientFactory on Refit's generated
    /// implementation (<c>AddRefitGeneratedClient</c>), with the
    /// Cymbio base address and the token handler, and by default the standard resilience pipeline outside it.
    /// </summary>
    /// <typeparam name="TApi">A Refit interface with <c>[CymbioScope]</c>.</typeparam>
    /// <param name="settings">
    /// Refit settings. A client whose calls carry JSON models needs settings on the models' source-generated
    /// <c>JsonSerializerContext</c> — <c>RefitSettings.ForJsonContext(MyJsonContext.Default)</c>, or
    /// <c>CymbioApi.CreateRefitSettings()</c> for the Cymbio.Api interfaces — since Refit 17 has no reflection-based
    /// JSON. Without settings, Refit's defaults, which under Refit 17 serialize no model (enough for
    /// <see cref="string"/> results and calls without a body). Cymbio wraps the settings'
    /// <c>TransportExceptionFactory</c> so that its own exceptions reach the caller as they are.
    /// </param>
    /// <param name="useStandardResilience">Whether to add <c>AddStandardResilienceHandler</c>: transient failures are retried, but POST and PATCH only when the request carries an <c>Idempotency-Key</c>.</param>
    /// <param name="configureResilience">Adjusts the resilience options.</param>
    /// <returns>The HTTP client builder, for further configuration.</returns>
    IHttpClientBuilder AddClient<TApi>(RefitSettings? settings = null, bool useStandardResilience = true, Action<HttpStandardResilienceOptions>? configureResilience = null)
        where TApi : class;
}
