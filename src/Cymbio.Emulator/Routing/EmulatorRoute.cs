using System;
using System.Collections.Generic;

namespace Cymbio.Emulator;

/// <summary>
/// One Cymbio route the emulator serves: method, template and required scopes, all read from the scope tables that
/// Cymbio.Api's generated code registers (<see cref="CymbioScopeRegistry"/>), and the Cymbio.Api methods that call it.
/// </summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Template">The route template as Cymbio.Api declares it, for example <c>/v3/suppliers/{supplierId}/fulfillments</c>.</param>
/// <param name="Scopes">The scopes a token needs for the route.</param>
/// <param name="Operations">The Cymbio.Api methods that call the route, as <c>Interface.Method</c>.</param>
public sealed record EmulatorRoute(string Method, string Template, ScopeSet Scopes, IReadOnlyList<string> Operations)
{
    /// <summary>The key handlers are registered under: <c>METHOD template</c>.</summary>
    public string Key => KeyOf(Method, Template);

    /// <summary>The first Cymbio.Api method that calls the route, for logs.</summary>
    public string Operation => Operations[0];

    /// <summary>What the route's account segment names: a supplier, a retailer, or nothing (<c>/v3/channels</c>, <c>/v3/variants/{id}</c>).</summary>
    internal string? OwnerParameter =>
        Template.StartsWith("/v3/suppliers/{", StringComparison.Ordinal) ? Parameter(Template, "/v3/suppliers/".Length)
        : Template.StartsWith("/v3/retailers/{", StringComparison.Ordinal) ? Parameter(Template, "/v3/retailers/".Length)
        : null;

    internal bool OwnedBySupplier => Template.StartsWith("/v3/suppliers/{", StringComparison.Ordinal);

    internal static string KeyOf(string method, string template) => method.ToUpperInvariant() + " " + template;

    private static string? Parameter(string template, int start)
    {
        var end = template.IndexOf('}', start);
        return end > start + 1 ? template[(start + 1)..end] : null;
    }
}
