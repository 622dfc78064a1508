using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;

namespace Cymbio.Api.Tests.Infrastructure;

/// <summary>Assertions of the request-table tests: what one call sent, and that the table covers every endpoint.</summary>
internal static class RequestAssert
{
    /// <summary>
    /// The in-memory Cymbio saw exactly one request, with a bearer token: <paramref name="method"/>,
    /// <paramref name="pathAndQuery"/> (escaped as sent) and the JSON <paramref name="body"/> (<see langword="null"/>: none).
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

    /// <summary>
    /// The case names (each starts with an endpoint id and a space) cover every <see cref="CymbioEndpointAttribute"/> id
    /// of the <paramref name="apis"/>' methods, and no other (an id may name several methods: C-6's two forms).
    /// </summary>
    public static void CoverEveryEndpoint(IEnumerable<string> caseNames, params Type[] apis)
    {
        var covered = caseNames.Select(static k => k.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        var endpoints = apis.SelectMany(static t => t.GetMethods())
            .Select(static m => m.GetCustomAttribute<CymbioEndpointAttribute>(false)!.Id)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(endpoints.Order(StringComparer.Ordinal), covered.Order(StringComparer.Ordinal));
    }
}
