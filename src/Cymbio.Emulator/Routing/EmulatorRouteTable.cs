using System;
using System.Collections.Generic;
using System.Linq;
using Cymbio.Api;

namespace Cymbio.Emulator;

/// <summary>
/// The routes of Cymbio.Api, read from the scope tables its generated code registers: every public scoped Refit
/// interface of the assembly, every operation with a method and route. There is no second list of routes or scopes
/// here, so the emulator enforces exactly the scopes the client asks for.
/// </summary>
public static class EmulatorRouteTable
{
    private static readonly Lazy<IReadOnlyList<EmulatorRoute>> Table = new(Build);

    /// <summary>Every route, ordered by template then method.</summary>
    public static IReadOnlyList<EmulatorRoute> Routes => Table.Value;

    private static IReadOnlyList<EmulatorRoute> Build()
    {
        var operations =
            from type in typeof(CymbioApi).Assembly.GetExportedTypes()
            where type.IsInterface && CymbioScopeRegistry.IsRegistered(type)
            from operation in CymbioScopeRegistry.GetOperations(type)
            where operation.HttpMethod is not null && operation.RouteTemplate is not null
            select (Method: operation.HttpMethod!.ToUpperInvariant(), Template: Normalize(operation.RouteTemplate!), operation.Scopes, Name: type.Name + "." + operation.MethodName);

        var routes = new List<EmulatorRoute>();
        foreach (var group in operations.GroupBy(static o => (o.Method, o.Template)))
        {
            var scopes = group.Select(static o => o.Scopes).Distinct().ToArray();
            if (scopes.Length != 1)
            {
                throw new InvalidOperationException(
                    $"The Cymbio.Api methods of {group.Key.Method} {group.Key.Template} require different scopes ({string.Join("; ", group.Select(static o => $"{o.Name}: {o.Scopes}"))}); a route has one requirement.");
            }

            routes.Add(new EmulatorRoute(group.Key.Method, group.Key.Template, scopes[0], group.Select(static o => o.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()));
        }

        return routes.OrderBy(static r => r.Template, StringComparer.Ordinal).ThenBy(static r => r.Method, StringComparer.Ordinal).ToArray();
    }

    private static string Normalize(string template)
    {
        var path = template.Split('?', 2)[0];
        return path.StartsWith('/') ? path : "/" + path;
    }
}
