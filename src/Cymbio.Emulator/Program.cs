using System;
using System.CommandLine;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Cymbio.Emulator;

// The standalone emulator: `dotnet run --project src/Cymbio.Emulator -- --port 5080`.
var port = new Option<int>("--port", "-p")
{
    Description = "The loopback port to listen on; 0 picks a free one.",
    DefaultValueFactory = static _ => 5080,
};
var shape = new Option<TokenResponseShape>("--token-shape")
{
    Description = "The token response shape: Rfc6749 (access_token, expires_in) or CamelCase (accessToken, accessTokenExpiresAt).",
    DefaultValueFactory = static _ => TokenResponseShape.Rfc6749,
};
var lifetime = new Option<int>("--token-lifetime")
{
    Description = "The access token lifetime in seconds (Cymbio issues 300).",
    DefaultValueFactory = static _ => 300,
};
var root = new RootCommand("A local, scope-enforcing Cymbio: token endpoint and every Cymbio v3 route of Cymbio.Api, with in-memory data. Stop it with Ctrl+C.")
{
    port, shape, lifetime,
};
root.SetAction(async (parse, cancellationToken) =>
{
    if (parse.GetValue(lifetime) <= 0)
    {
        await Console.Error.WriteLineAsync("--token-lifetime must be a positive number of seconds.").ConfigureAwait(false);
        return 2;
    }

    var options = new CymbioEmulatorOptions
    {
        Port = parse.GetValue(port),
        TokenResponseShape = parse.GetValue(shape),
        TokenLifetime = TimeSpan.FromSeconds(parse.GetValue(lifetime)),
    };
    await using var emulator = await CymbioEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
    Console.WriteLine($"Cymbio emulator listening on {emulator.BaseAddress}");
    Console.WriteLine($"Token endpoint: POST {emulator.TokenEndpoint} (password, client_credentials, refresh_token)");
    Console.WriteLine($"Live dashboard: {emulator.DashboardAddress} (tokens, requests, denials, fault switches)");
    Console.WriteLine("Accounts (test credentials of this emulator only):");
    foreach (var account in emulator.Accounts)
    {
        Console.WriteLine($"  {account.Name}: client_id={account.ClientId} client_secret={account.ClientSecret} username={account.Username} password={account.Password}");
        Console.WriteLine($"    {(account.SupplierId is { } s ? $"supplier {s}" : $"retailer {account.RetailerId}")}; scopes: {account.AllowedScopes}");
    }

    Console.WriteLine($"{CymbioEmulator.Routes.Count} routes. Press Ctrl+C to stop.");

    // Ctrl+C reaches us through cancellationToken; SIGTERM (docker stop, systemd, kill) stops as gracefully.
    using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
    {
        context.Cancel = true;
        stop.Cancel();
    });
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
    }
    catch (OperationCanceledException)
    {
    }

    return 0;
});
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
