using System;
using System.Net.Http;
using Cymbio;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Shares Cymbio tokens across the processes of a fleet through the registered distributed cache.</summary>
public static class CymbioDistributedTokenCacheExtensions
{
    /// <summary>
    /// Puts a distributed level behind the in-process token cache: processes with the same credentials take a fresh
    /// token from the registered <see cref="IDistributedCache"/> (for example Redis, <c>AddStackExchangeRedisCache</c>)
    /// instead of each asking Cymbio, and one process at a time asks when none has one. Entries are keyed by a hash of
    /// endpoint, client, user, grant and scope set, and encrypted with the registered Data Protection key ring, which
    /// every process of the fleet must share (<c>AddDataProtection().SetApplicationName(…).PersistKeysTo…</c>).
    /// Refresh tokens are never stored. When the cache is unavailable, each process fetches its own tokens.
    /// </summary>
    /// <param name="builder">The builder <c>AddCymbio</c> returned.</param>
    /// <param name="configure">Sets the options; the defaults suit Redis on the same network.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">At resolution: no <see cref="IDistributedCache"/> or Data Protection is registered.</exception>
    public static ICymbioBuilder AddDistributedTokenCache(this ICymbioBuilder builder, Action<CymbioDistributedTokenCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<CymbioDistributedTokenCacheOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.Replace(ServiceDescriptor.Singleton<ICymbioTokenProvider>(static sp =>
        {
            var client = sp.GetRequiredService<IOptions<CymbioClientOptions>>().Value;
            var cache = sp.GetService<IDistributedCache>() ?? throw new InvalidOperationException(
                "AddDistributedTokenCache needs an IDistributedCache: register one, for example services.AddStackExchangeRedisCache(…).");
            var protection = sp.GetService<IDataProtectionProvider>() ?? throw new InvalidOperationException(
                "AddDistributedTokenCache needs Data Protection with a key ring the fleet shares: services.AddDataProtection().SetApplicationName(…).PersistKeysTo…(…).");
            var shared = sp.GetRequiredService<IOptions<CymbioDistributedTokenCacheOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            return new CymbioTokenProvider(
                () => factory.CreateClient(CymbioTokenProvider.TokenEndpointClientName),
                client,
                time,
                sp.GetRequiredService<ILogger<CymbioTokenProvider>>(),
                (endpoint, log) => new DistributedTokenSource(endpoint, cache, protection, client, shared, time, log));
        }));
        return builder;
    }
}
