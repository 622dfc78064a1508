using System;
using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Cymbio;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

// One process of a fleet: `Cymbio.FleetHost --base <uri> --client-id … --redis <host:port> --keys <dir>
// --scope <scopes> --callers 100 --seconds 30`, with the client secret in CYMBIO_FLEET_CLIENT_SECRET (never on the
// command line, which process listings and test failures show). CYMBIO_FLEET_DEBUG=1 logs the SDK's decisions to the
// console (which token was taken from the distributed cache, which was fetched). Every caller asks the SDK for a token
// in a loop (the warm path, with a short pause); at the end one JSON line reports the calls, the failures and the
// distinct tokens (SHA-256 prefixes, never the tokens) this process was given.
var arguments = Arguments(args);
var services = new ServiceCollection();
if (Environment.GetEnvironmentVariable("CYMBIO_FLEET_DEBUG") == "1")
{
    services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Debug).AddFilter("System", LogLevel.Warning).AddFilter("Microsoft", LogLevel.Warning));
}

services.AddStackExchangeRedisCache(o => o.Configuration = arguments["redis"] + ",abortConnect=false,connectTimeout=1000,syncTimeout=1000");
services.AddDataProtection()
    .SetApplicationName("cymbio-fleet")
    .PersistKeysToFileSystem(new DirectoryInfo(arguments["keys"]));
services.AddCymbio(o =>
{
    o.Environment = CymbioEnvironment.Custom;
    o.BaseAddress = new Uri(arguments["base"]);
    o.ClientId = arguments["client-id"];
    o.ClientSecret = Environment.GetEnvironmentVariable("CYMBIO_FLEET_CLIENT_SECRET") ?? string.Empty;
    foreach (var scope in arguments["scope"].Split(' ', StringSplitOptions.RemoveEmptyEntries))
    {
        o.Grants.Add(scope);
    }
}).AddDistributedTokenCache();

await using var provider = services.BuildServiceProvider();
var tokens = provider.GetRequiredService<ICymbioTokenProvider>();
var scopes = ScopeSet.Parse(arguments["scope"]);
var callers = int.Parse(arguments["callers"], CultureInfo.InvariantCulture);
var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(double.Parse(arguments["seconds"], CultureInfo.InvariantCulture));
var seen = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
long calls = 0, failures = 0;
await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
{
    while (DateTime.UtcNow < deadline)
    {
        try
        {
            var token = await tokens.GetTokenAsync(scopes).ConfigureAwait(false);
            seen.TryAdd(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.AccessToken)), 0, 8), 0);
            Interlocked.Increment(ref calls);
        }
        catch (CymbioException)
        {
            Interlocked.Increment(ref failures);
        }

        await Task.Delay(20).ConfigureAwait(false);
    }
}));

Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
{
    ["calls"] = calls,
    ["failures"] = failures,
    ["tokens"] = seen.Keys.Order(StringComparer.Ordinal).ToArray(),
}));
return 0;

static Dictionary<string, string> Arguments(string[] args)
{
    var result = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        result[args[i].TrimStart('-')] = args[i + 1];
    }

    return result;
}
