using Microsoft.Extensions.Configuration;

namespace Cymbio.Demo;

/// <summary>
/// Where the demo's settings come from: user secrets (<c>Cymbio:ClientId</c>…) overridden by environment variables
/// (<c>CYMBIO__CLIENTID</c>…). Both are read only for <c>--environment staging</c>.
/// </summary>
internal static class DemoConfiguration
{
    /// <summary>Builds the configuration the demo reads its credentials from.</summary>
    /// <returns>The configuration.</returns>
    public static IConfiguration Build() =>
        new ConfigurationBuilder()
            .AddUserSecrets(typeof(DemoConfiguration).Assembly, optional: true)
            .AddEnvironmentVariables()
            .Build();
}
