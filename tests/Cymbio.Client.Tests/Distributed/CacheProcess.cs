using System;
using Cymbio.Client.Tests.Apis;
using Cymbio.Client.Tests.Runtime.Harness;
using Cymbio.Emulator;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cymbio.Client.Tests.Distributed;

/// <summary>
/// One "process" of a fleet inside a test: its own service provider, token provider and in-process cache, with the
/// distributed token cache on the cache <paramref name="addCache"/> registers and a Data Protection provider shared
/// with the other "processes" (a shared key ring).
/// </summary>
internal static class CacheProcess
{
    public static ServiceProvider Start(
        CymbioEmulator emulator,
        Action<IServiceCollection> addCache,
        IDataProtectionProvider protection,
        string[] grants,
        Action<CymbioDistributedTokenCacheOptions>? configure = null,
        TokenTestLogger? logger = null)
    {
        var services = new ServiceCollection();
        addCache(services);
        services.AddSingleton(protection);
        if (logger is not null)
        {
            services.AddSingleton<ILogger<CymbioTokenProvider>>(logger);
        }

        var options = RuntimeHarness.Options(emulator, CymbioGrantType.Password, grants: grants);
        services.AddCymbio(options.CopyTo).AddDistributedTokenCache(configure).AddClient<ISmokeApi>(useStandardResilience: false);
        return services.BuildServiceProvider();
    }
}
