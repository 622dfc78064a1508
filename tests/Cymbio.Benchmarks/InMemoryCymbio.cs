using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace Cymbio.Benchmarks;

/// <summary>A scoped Refit interface for the runtime benchmarks.</summary>
public interface IBenchmarkApi
{
    /// <summary>A read operation.</summary>
    [Get("/v3/suppliers/{supplierId}/fulfillments")]
    Task ListAsync(long supplierId);
}

/// <summary>
/// Cymbio in memory: the token endpoint answers 300-second tokens, every other request 200 with an empty body (or
/// the JSON body given). No sockets, so the benchmarks measure the client pipeline only.
/// </summary>
/// <param name="body">The JSON body of every API response, or <see langword="null"/> for none.</param>
public sealed class InMemoryCymbio(string? body = null) : HttpMessageHandler
{
    private int _tokenRequests;
    private TaskCompletionSource? _gate;

    /// <summary>Gets the number of token requests received.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>Holds token responses until <see cref="Release"/>.</summary>
    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Releases held token responses.</summary>
    public void Release() => _gate?.TrySetResult();

    /// <summary>Registers <see cref="IBenchmarkApi"/>'s scope table, as the generated module initializer does.</summary>
    public static void RegisterScopes() => CymbioScopeRegistry.Register(
        typeof(IBenchmarkApi),
        static () => new[] { new CymbioOperation("ListAsync", "GET", "/v3/suppliers/{supplierId}/fulfillments", ScopeSet.Create(CymbioScopes.ReadOrders)) });

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri!.AbsolutePath == "/oauth/token")
        {
            var n = Interlocked.Increment(ref _tokenRequests);
            if (_gate is { } gate)
            {
                await gate.Task.ConfigureAwait(false);
            }

            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent($"{{\"access_token\":\"AT-{n}\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"read:orders\"}}", Encoding.UTF8, "application/json"),
            };
        }

        return body is null
            ? new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request }
            : new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }

    private static readonly HttpRequestOptionsKey<Type> InterfaceType = new("Refit.InterfaceType");
    private static readonly HttpRequestOptionsKey<string> MethodName = new("Refit.MethodName");
    private static readonly Uri ListAddress = new("http://127.0.0.1:5000/v3/suppliers/1/fulfillments");

    /// <summary>A <c>GET</c> of <see cref="IBenchmarkApi.ListAsync"/> as Refit sends it (its operation in the request options), for handler-only benchmarks.</summary>
    public static HttpRequestMessage ListRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, ListAddress);
        request.Options.Set(InterfaceType, typeof(IBenchmarkApi));
        request.Options.Set(MethodName, nameof(IBenchmarkApi.ListAsync));
        return request;
    }

    /// <summary>Options pointing at the in-memory Cymbio (loopback base address, so plain HTTP is allowed).</summary>
    public static CymbioClientOptions Options() => new()
    {
        Environment = CymbioEnvironment.Custom,
        BaseAddress = new Uri("http://127.0.0.1:5000/"),
        ClientId = "benchmark",
        ClientSecret = "benchmark-secret",
        Username = "benchmark@example.com",
        Password = "benchmark-password",
        Grants = { CymbioScopes.ReadOrders },
    };
}

/// <summary>The plain-Refit baseline: a constant bearer header, no token management.</summary>
public sealed class ConstantBearerHandler : DelegatingHandler
{
    private readonly System.Net.Http.Headers.AuthenticationHeaderValue _header = new("Bearer", "AT-constant");

    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = _header;
        return base.SendAsync(request, cancellationToken);
    }
}
