using System;
using System.Collections.Generic;
using System.Linq;

namespace Cymbio.Emulator;

/// <summary>
/// The handler of every route, keyed by <see cref="EmulatorRoute.Key"/>. Each resource's file registers its routes;
/// <see cref="Create"/> checks that the handlers and <see cref="EmulatorRouteTable.Routes"/> name the same routes, so
/// a route added to Cymbio.Api without a handler (or a handler for a route Cymbio.Api does not have) fails at start.
/// </summary>
internal static class EmulatorHandlers
{
    public static IReadOnlyDictionary<string, RouteHandler> Create()
    {
        var handlers = new Dictionary<string, RouteHandler>(StringComparer.Ordinal);
        SupplierFulfillmentRoutes.Register(handlers);
        SupplierProfileRoutes.Register(handlers);
        SupplierCatalogRoutes.Register(handlers);
        SupplierWarehouseRoutes.Register(handlers);
        InventoryRoutes.Register(handlers);
        ChannelRoutes.Register(handlers);
        RetailerProfileRoutes.Register(handlers);
        RetailerCatalogRoutes.Register(handlers);
        RetailerOrderRoutes.Register(handlers);
        RetailerReturnRoutes.Register(handlers);

        var routes = EmulatorRouteTable.Routes.Select(static r => r.Key).ToHashSet(StringComparer.Ordinal);
        var unhandled = routes.Where(r => !handlers.ContainsKey(r)).Order(StringComparer.Ordinal).ToArray();
        var unknown = handlers.Keys.Where(k => !routes.Contains(k)).Order(StringComparer.Ordinal).ToArray();
        if (unhandled.Length > 0 || unknown.Length > 0)
        {
            throw new InvalidOperationException(
                $"The emulator's handlers and Cymbio.Api's routes differ. Routes without a handler: {Join(unhandled)}. Handlers without a route: {Join(unknown)}.");
        }

        return handlers;
    }

    internal static void Add(this Dictionary<string, RouteHandler> handlers, string method, string template, RouteHandler handler) =>
        handlers.Add(EmulatorRoute.KeyOf(method, template), handler);

    private static string Join(string[] keys) => keys.Length == 0 ? "none" : string.Join("; ", keys);
}
