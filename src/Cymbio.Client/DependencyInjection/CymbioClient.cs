using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace Cymbio;

/// <summary>
/// Cymbio without dependency injection: validates the options, owns one token provider and one HTTP pipeline, and
/// creates scoped Refit clients on Refit's generated implementations (trim- and AOT-safe).
/// </summary>
/// <example>
/// <code>
/// using var cymbio = new CymbioClient(new CymbioClientOptions { ClientId = "…", ClientSecret = "…", Username = "…", Password = "…", Grants = { CymbioScopes.ReadOrders } });
/// var fulfillments = cymbio.Create&lt;IFulfillmentsApi&gt;(RefitSettings.ForJsonContext(MyJsonContext.Default));
/// </code>
/// </example>
public sealed class CymbioClient : IDisposable
{
    private readonly HttpClient _tokenEndpoint;
    private readonly HttpClient _api;
    private readonly HttpMessageHandler _primary;
    private readonly CymbioTokenProvider _tokens;
    private readonly ConcurrentDictionary<Type, object> _aggregates = new();

    /// <summary>Initializes the client.</summary>
    /// <param name="options">The options; validated here.</param>
    /// <param name="timeProvider">The time source; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="loggerFactory">The logger factory; no logging when <see langword="null"/>.</param>
    /// <param name="primaryHandler">The transport; a <see cref="SocketsHttpHandler"/> when <see langword="null"/>. Disposed with the client.</param>
    /// <exception cref="OptionsValidationException">The options are invalid; every problem is listed.</exception>
    /// <remarks>
    /// With a <paramref name="loggerFactory"/>, grants that no code of the application requires (when the build derived
    /// the required scopes, <see cref="CymbioRequiredScopesAttribute"/>) are logged once, here, as a warning in the
    /// category <c>Cymbio.CymbioClientOptions</c>.
    /// </remarks>
    public CymbioClient(CymbioClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, HttpMessageHandler? primaryHandler = null)
        : this(options, timeProvider, loggerFactory, primaryHandler, required: null)
    {
    }

    /// <summary>Initializes the client with the application's derived scopes; read from the loaded assemblies when <paramref name="required"/> is <see langword="null"/>.</summary>
    internal CymbioClient(CymbioClientOptions options, TimeProvider? timeProvider, ILoggerFactory? loggerFactory, HttpMessageHandler? primaryHandler, RequiredScopes? required)
    {
        ArgumentNullException.ThrowIfNull(options);
        var assemblies = AppDomain.CurrentDomain.GetAssemblies();
        required ??= RequiredScopes.Of(assemblies);
        Validate(options, assemblies, required);
        Options = options;
        if (loggerFactory is not null)
        {
            required.ReportOverGrants(options, loggerFactory.CreateLogger<CymbioClientOptions>());
        }

        _primary = primaryHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
        _tokenEndpoint = new HttpClient(_primary, disposeHandler: false) { MaxResponseContentBufferSize = TokenEndpointClient.MaxResponseBytes };
        _tokens = new CymbioTokenProvider(_tokenEndpoint, options, timeProvider, loggerFactory?.CreateLogger<CymbioTokenProvider>());
        var handler = new CymbioAuthenticationHandler(_tokens, options, loggerFactory?.CreateLogger<CymbioAuthenticationHandler>(), required) { InnerHandler = _primary };
        _api = new HttpClient(handler, disposeHandler: true) { BaseAddress = options.EffectiveBaseAddress };
    }

    /// <summary>
    /// Validates options given in code: every problem is named by its property (<c>CymbioClientOptions.ClientId</c>).
    /// The grants are checked for themselves (known, well-formed scopes), not against <c>[assembly: CymbioGrants]</c>
    /// nor, under <see cref="CymbioScopeStrategy.Required"/>, against the scopes the code requires: both describe the
    /// application's client (the one <c>AddCymbio</c> registers), while the calls of a client built here are checked by
    /// the analyzer against this client's own grants (CYM0012), so a deliberately narrower client is allowed (under
    /// <c>Required</c> its tokens carry the required scopes it is granted). <c>Required</c> without any derived set
    /// (no assembly carries <see cref="CymbioRequiredScopesAttribute"/>) is refused, as for the application's client.
    /// </summary>
    internal static void Validate(CymbioClientOptions options, IEnumerable<Assembly> assemblies, RequiredScopes? required = null)
    {
        var errors = CymbioClientOptionsValidator.Errors(options, assemblies, OptionNames.Code, compareDeclaredGrants: false, required).ToList();
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(CymbioClientOptions), errors);
        }
    }

    /// <summary>Gets the validated options.</summary>
    public CymbioClientOptions Options { get; }

    /// <summary>Gets the token provider the clients share.</summary>
    public ICymbioTokenProvider TokenProvider => _tokens;

    /// <summary>Creates a Refit client for <typeparamref name="TApi"/> on Refit's generated implementation.</summary>
    /// <typeparam name="TApi">A Refit interface with <c>[CymbioScope]</c>.</typeparam>
    /// <param name="settings">
    /// Refit settings. A client whose calls carry JSON models needs settings on the models' source-generated
    /// <c>JsonSerializerContext</c> — <c>RefitSettings.ForJsonContext(MyJsonContext.Default)</c>, or
    /// <c>CymbioApi.CreateRefitSettings()</c> for the Cymbio.Api interfaces — since Refit 17 has no reflection-based
    /// JSON. Without settings, Refit's defaults, which under Refit 17 serialize no model (enough for
    /// <see cref="string"/> results and calls without a body).
    /// </param>
    /// <returns>The client; it shares this instance's tokens and connections.</returns>
    public TApi Create<TApi>(RefitSettings? settings = null)
        where TApi : class =>
        RestService.ForGenerated<TApi>(_api, CymbioRefit.Configure(settings));

    /// <summary>
    /// Gets the aggregate client <typeparamref name="TAggregate"/> (a class with <c>[CymbioAggregate]</c>), created on
    /// first use over this instance's Refit clients, with its account id from <see cref="Options"/>.
    /// </summary>
    /// <typeparam name="TAggregate">The aggregate client.</typeparam>
    /// <returns>The aggregate; the same instance on every call.</returns>
    /// <exception cref="OptionsValidationException">The aggregate binds a supplier or retailer id that the options do not have.</exception>
    public TAggregate Aggregate<TAggregate>()
        where TAggregate : class, ICymbioAggregate<TAggregate> =>
        (TAggregate)(_aggregates.TryGetValue(typeof(TAggregate), out var existing)
            ? existing
            : _aggregates.GetOrAdd(typeof(TAggregate), static (_, client) => client.CreateAggregate<TAggregate>(), this));

    private TAggregate CreateAggregate<TAggregate>()
        where TAggregate : class, ICymbioAggregate<TAggregate>
    {
        if (CymbioAccounts.Problem(TAggregate.Account, Options, typeof(TAggregate).Name, OptionNames.Code) is { } problem)
        {
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(CymbioClientOptions), [problem]);
        }

        return TAggregate.Create(new ApiSource(this, TAggregate.DefaultRefitSettings), CymbioAccounts.IdOf(TAggregate.Account, Options)!.Value);
    }

    /// <summary>Disposes the HTTP pipeline and the token provider.</summary>
    public void Dispose()
    {
        _api.Dispose();
        _tokenEndpoint.Dispose();
        _tokens.Dispose();
    }

    private sealed class ApiSource(CymbioClient client, RefitSettings? settings) : ICymbioApiSource
    {
        public TApi Get<TApi>()
            where TApi : class => client.Create<TApi>(settings);
    }
}
