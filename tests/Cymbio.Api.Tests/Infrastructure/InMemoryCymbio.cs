using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Cymbio.Api.Tests.Infrastructure;

/// <summary>
/// Cymbio in memory, as the transport under <see cref="CymbioClient"/>: the token endpoint grants what is asked, every
/// API request is recorded and answered by <see cref="Respond"/> (by default <see cref="Typical"/>).
/// </summary>
internal sealed class InMemoryCymbio : HttpMessageHandler
{
    public static readonly Uri BaseAddress = new("https://cymbio.test/");

    /// <summary>The client secret of <see cref="Configure"/>: no message or log may contain it.</summary>
    public const string Secret = "not-a-real-secret";

    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    /// <summary>Gets or sets the answer to an API request: status and JSON body (<see langword="null"/> for none).</summary>
    public Func<RecordedRequest, (HttpStatusCode Status, string? Json)> Respond { get; set; } = Typical;

    /// <summary>Gets the API requests in the order they arrived (token requests are not recorded).</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Creates a client over this transport with the options of <see cref="Configure"/>, then <paramref name="adjust"/>.</summary>
    public CymbioClient CreateClient(Action<CymbioClientOptions>? adjust = null)
    {
        var options = Configure(new CymbioClientOptions());
        adjust?.Invoke(options);
        return new CymbioClient(options, primaryHandler: this);
    }

    /// <summary>
    /// Sets what every client of this transport uses: its base address, a client id and secret, supplier 88, retailer 7
    /// and every Cymbio scope granted (for <c>AddCymbio(o =&gt; InMemoryCymbio.Configure(o))</c>).
    /// </summary>
    /// <returns><paramref name="options"/>.</returns>
    public static CymbioClientOptions Configure(CymbioClientOptions options)
    {
        options.BaseAddress = BaseAddress;
        options.ClientId = "api-tests";
        options.ClientSecret = Secret;
        options.SupplierId = 88;
        options.RetailerId = 7;
        foreach (var scope in new[]
        {
            CymbioScopes.ReadChannels, CymbioScopes.ReadInventory, CymbioScopes.ReadOrders, CymbioScopes.ReadRetailers,
            CymbioScopes.ReadSuppliers, CymbioScopes.ReadVariants, CymbioScopes.ReadWarehouses, CymbioScopes.WriteFulfillments,
            CymbioScopes.WriteInventory, CymbioScopes.WriteOrders, CymbioScopes.WriteRetailers, CymbioScopes.WriteSuppliers,
            CymbioScopes.WriteVariants, CymbioScopes.WriteWarehouses,
        })
        {
            options.Grants.Add(scope);
        }

        return options;
    }

    /// <summary>
    /// 200 with the smallest answer of the right shape: a GET of one resource (the path ends in an id) gets
    /// <c>{"id": …}</c>, any other GET a bare empty array, anything else <c>{"success":true}</c>.
    /// </summary>
    public static (HttpStatusCode Status, string? Json) Typical(RecordedRequest request)
    {
        if (request.Method != "GET")
        {
            return (HttpStatusCode.OK, """{"success":true}""");
        }

        var last = request.PathAndQuery.Split('?')[0].Split('/')[^1];
        return (HttpStatusCode.OK, long.TryParse(last, out var id) ? $$"""{"id":{{id}}}""" : "[]");
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri!.AbsolutePath == "/oauth/token")
        {
            var form = await request.Content!.ReadAsStringAsync(cancellationToken);
            var scope = Uri.UnescapeDataString(Field(form, "scope").Replace('+', ' '));
            return Json(request, HttpStatusCode.OK, $$"""{"access_token":"token-{{Guid.NewGuid():N}}","token_type":"Bearer","expires_in":300,"scope":"{{scope}}"}""");
        }

        var recorded = new RecordedRequest(
            request.Method.Method,
            request.RequestUri.PathAndQuery,
            request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken),
            request.Content?.Headers.ContentType?.MediaType,
            request.Headers.Authorization?.ToString());
        _requests.Enqueue(recorded);
        var (status, json) = Respond(recorded);
        return json is null ? new HttpResponseMessage(status) { RequestMessage = request } : Json(request, status, json);
    }

    // RequestMessage as a real transport sets it (Refit's ApiException reads it).
    private static HttpResponseMessage Json(HttpRequestMessage request, HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json"), RequestMessage = request };

    private static string Field(string form, string name)
    {
        foreach (var pair in form.Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair[..equals] == name)
            {
                return pair[(equals + 1)..];
            }
        }

        return string.Empty;
    }
}
