using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cymbio.Emulator;

/// <summary>
/// A local Cymbio on a loopback port: the OAuth token endpoint and every route of Cymbio.Api, with in-memory data,
/// scope enforcement from Cymbio.Api's generated scope tables, fault injection and a request log.
/// </summary>
/// <example>
/// <code>
/// await using var cymbio = await CymbioEmulator.StartAsync();
/// var supplier = cymbio.Account(EmulatorAccounts.Supplier);
/// // point CymbioClientOptions.BaseAddress at cymbio.BaseAddress and use supplier.ClientId / ClientSecret
/// </code>
/// </example>
public sealed class CymbioEmulator : IAsyncDisposable
{
    /// <summary>The token endpoint's path.</summary>
    public const string TokenPath = "/oauth/token";

    /// <summary>The path of the live dashboard page (<see cref="DashboardAddress"/>).</summary>
    public const string DashboardPath = "/_dashboard";

    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private readonly DashboardFeed? _dashboard;
    private int _disposed;

    private CymbioEmulator(WebApplication app, EmulatorState state, Uri baseAddress, DashboardFeed? dashboard)
    {
        _app = app;
        _state = state;
        _dashboard = dashboard;
        BaseAddress = baseAddress;
    }

    /// <summary>The base address, for example <c>http://127.0.0.1:41234/</c> (with the trailing slash Cymbio's hosts have).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The token endpoint's address.</summary>
    public Uri TokenEndpoint => new(BaseAddress, TokenPath.TrimStart('/'));

    /// <summary>
    /// The live dashboard's address, for example <c>http://127.0.0.1:41234/_dashboard/</c>: tokens, requests, denials
    /// and fault switches as they happen; <see langword="null"/> when <see cref="CymbioEmulatorOptions.Dashboard"/> is off.
    /// </summary>
    public Uri? DashboardAddress => _dashboard is null ? null : new(BaseAddress, DashboardPath.TrimStart('/') + "/");

    /// <summary>The accounts the token endpoint accepts.</summary>
    public IReadOnlyList<EmulatorAccount> Accounts => _state.Accounts;

    /// <summary>The emulator's clock (<see cref="CymbioEmulatorOptions.TimeProvider"/>).</summary>
    public TimeProvider Clock => _state.Clock;

    /// <summary>The tokens issued; revoke them here.</summary>
    public EmulatorTokens Tokens => _state.Tokens;

    /// <summary>Fault injection for the token endpoint and the routes.</summary>
    public EmulatorFaults Faults => _state.Faults;

    /// <summary>The request log and counters.</summary>
    public EmulatorRequestLog Requests => _state.Requests;

    /// <summary>The in-memory data the routes read and write.</summary>
    public EmulatorData Data => _state.Data;

    /// <summary>The routes served, read from Cymbio.Api's scope tables.</summary>
    public static IReadOnlyList<EmulatorRoute> Routes => EmulatorRouteTable.Routes;

    /// <summary>Starts an emulator on 127.0.0.1.</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults (a free port, the default accounts, seeded data).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    public static async Task<CymbioEmulator> StartAsync(CymbioEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CymbioEmulatorOptions();
        options.Validate();
        var accounts = options.Accounts.Count == 0 ? EmulatorAccounts.CreateDefaults() : options.Accounts.ToArray();
        var state = new EmulatorState(options, accounts);
        var handlers = EmulatorHandlers.Create();

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(CymbioEmulator).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.AddSingleton(options.LoggerFactory ?? NullLoggerFactory.Instance);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));

        var app = builder.Build();
        var pipeline = new EmulatorPipeline(state, (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Cymbio.Emulator"));
        var tokenEndpoint = new TokenEndpoint(accounts, state.Tokens, options);
        // The dashboard is served beside the API, outside its pipeline: its requests are not logged, faulted or checked.
        DashboardEndpoint? dashboard = null;
        if (options.Dashboard)
        {
            app.Map(new PathString(DashboardPath), branch => branch.Run(context => dashboard is { } endpoint
                ? endpoint.HandleAsync(context)
                : EmulatorResponses.WriteMessageAsync(context, 503, "The emulator is starting.")));
        }

        app.Use(pipeline.GuardAsync);
        app.UseRouting();
        app.Use(pipeline.AuthorizeAsync);
        app.MapPost(TokenPath, tokenEndpoint.HandleAsync).WithMetadata(TokenEndpointMarker.Instance);
        foreach (var route in EmulatorRouteTable.Routes)
        {
            var handler = handlers[route.Key];
            app.MapMethods(route.Template, [route.Method], context =>
            {
                var exchange = context.Features.GetRequiredFeature<EmulatorExchange>();
                return handler(new EmulatorCall(context, route, exchange.Caller!, state.Data, state.Clock));
            }).WithMetadata(route).WithDisplayName(route.Key);
        }

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var baseAddress = new Uri(address.TrimEnd('/') + "/");
        DashboardFeed? feed = null;
        if (options.Dashboard)
        {
            var switches = new DashboardFaultSwitches(state.Faults);
            feed = new DashboardFeed(state, switches, baseAddress);
            dashboard = new DashboardEndpoint(feed, switches, app.Lifetime.ApplicationStopping);
        }

        return new CymbioEmulator(app, state, baseAddress, feed);
    }

    /// <summary>Finds an account by name.</summary>
    /// <param name="name">The account's <see cref="EmulatorAccount.Name"/>, for example <see cref="EmulatorAccounts.Supplier"/>.</param>
    /// <returns>The account.</returns>
    /// <exception cref="ArgumentException">No account has that name.</exception>
    public EmulatorAccount Account(string name) =>
        Accounts.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal))
        ?? throw new ArgumentException($"The emulator has no account named '{name}' (it has {string.Join(", ", Accounts.Select(static a => a.Name))}).", nameof(name));

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Open dashboard pages end their event streams first, so that stopping does not wait for them.
        _dashboard?.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
