using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Xunit;

namespace Cymbio.Api.Tests.Infrastructure;

/// <summary>What every Cymbio.Api interface's tests check: requests, scope tables, provenance and payload round trips.</summary>
internal static class ApiAssert
{
    /// <summary>
    /// Makes <paramref name="call"/> through the in-memory Cymbio and asserts that exactly one request went out, with a
    /// bearer token, the HTTP method, the path and query as Refit escapes them, and the JSON body (<see langword="null"/>:
    /// none).
    /// </summary>
    public static async Task SendsAsync<TApi>(Func<TApi, Task> call, string method, string pathAndQuery, string? body)
        where TApi : class =>
        await SendsThroughClientAsync(client => call(client.Create<TApi>(CymbioApi.CreateRefitSettings())), method, pathAndQuery, body);

    /// <summary>
    /// Makes <paramref name="call"/> on a <see cref="CymbioClient"/> over the in-memory Cymbio (supplier 88, retailer 7)
    /// and asserts what <see cref="SentExactly"/> does.
    /// </summary>
    public static async Task SendsThroughClientAsync(Func<CymbioClient, Task> call, string method, string pathAndQuery, string? body)
    {
        using var cymbio = new InMemoryCymbio();
        using var client = cymbio.CreateClient();

        await call(client);

        SentExactly(cymbio, method, pathAndQuery, body);
    }

    /// <summary>
    /// Asserts that exactly one request reached <paramref name="cymbio"/>, with a bearer token, the HTTP method, the path
    /// and query as Refit escapes them, and the JSON body (<see langword="null"/>: none).
    /// </summary>
    public static void SentExactly(InMemoryCymbio cymbio, string method, string pathAndQuery, string? body)
    {
        var request = Assert.Single(cymbio.Requests);
        Assert.Equal(method, request.Method);
        Assert.Equal(pathAndQuery, request.PathAndQuery);
        Assert.StartsWith("Bearer token-", request.Authorization, StringComparison.Ordinal);
        if (body is null)
        {
            Assert.Null(request.Body);
        }
        else
        {
            Assert.Equal("application/json", request.ContentType);
            JsonAssert.Equal(body, request.Body);
        }
    }

    /// <summary>Asserts that the case names (each begins with an endpoint id, <c>"C-14 …"</c>) cover every endpoint of <typeparamref name="TApi"/>.</summary>
    public static void CoverEveryEndpoint<TApi>(IEnumerable<string> caseNames) => CoverEveryEndpoint(caseNames, typeof(TApi));

    /// <summary>Asserts that the case names (each begins with an endpoint id) cover every endpoint of <paramref name="apis"/>, and no other.</summary>
    public static void CoverEveryEndpoint(IEnumerable<string> caseNames, params Type[] apis)
    {
        var covered = caseNames.Select(static k => k.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        var endpoints = apis.SelectMany(static api => api.GetMethods())
            .Select(static m => m.GetCustomAttributes(typeof(CymbioEndpointAttribute), false).Cast<CymbioEndpointAttribute>().Single().Id)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(endpoints.Order(), covered.Order());
    }

    /// <summary>
    /// Asserts that the generated scope table of <paramref name="api"/> holds every method once, with the scope its
    /// <c>[CymbioScope]</c> declares, and that this is <paramref name="expectedScope"/>'s single scope.
    /// </summary>
    public static void ScopeTableHolds(Type api, Func<MethodInfo, string> expectedScope)
    {
        var operations = CymbioScopeRegistry.GetOperations(api);
        var methods = api.GetMethods();
        Assert.Equal(methods.Length, operations.Count);
        foreach (var method in methods)
        {
            var declared = ScopeSet.Create(method.GetCustomAttributes<CymbioScopeAttribute>().SelectMany(static a => a.Scopes));
            var operation = Assert.Single(operations, o => o.MethodName == method.Name);
            Assert.True(operation.IsDeclared, method.Name);
            Assert.Equal(declared, operation.Scopes);
            Assert.Equal(ScopeSet.Create([expectedScope(method)]), operation.Scopes);
        }
    }

    /// <summary>Asserts that every method of <paramref name="api"/> has a <c>[CymbioEndpoint]</c>, with sources exactly when it is not inferred.</summary>
    public static void EveryMethodSaysWhereItComesFrom(Type api)
    {
        foreach (var method in api.GetMethods())
        {
            var endpoint = method.GetCustomAttribute<CymbioEndpointAttribute>();
            Assert.NotNull(endpoint);
            Assert.Matches("^[CI]-[0-9]+$", endpoint.Id);
            Assert.Equal(endpoint.Evidence == CymbioEvidence.Inferred, endpoint.Sources.Length == 0);
        }
    }

    /// <summary>
    /// Reads <paramref name="json"/> as <typeparamref name="T"/>, writes it back, and asserts the result is
    /// <paramref name="written"/>: every known member kept under its name, unknown members dropped.
    /// </summary>
    /// <returns>The model read.</returns>
    public static T RoundTrips<T>(JsonTypeInfo<T> typeInfo, string json, string written)
    {
        var model = JsonSerializer.Deserialize(json, typeInfo);
        Assert.NotNull(model);
        JsonAssert.Equal(written, JsonSerializer.Serialize(model, typeInfo));
        return model;
    }
}
