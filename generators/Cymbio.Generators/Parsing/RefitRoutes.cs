using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Cymbio.Generators;

/// <summary>
/// The route template exactly as Refit's generated code (16.4 and 17) reports it in <c>Refit.RelativePathTemplate</c>,
/// which the runtime uses to tell overloads apart. Refit does not report the route as written:
/// <list type="bullet">
/// <item>the <c>[PathPrefix]</c> of the interface the client is created for (not an inherited one) is joined to the
/// route with one <c>/</c> (<c>"/v3/"</c> + <c>"/items"</c> → <c>/v3/items</c>; an empty route gives the prefix alone);</item>
/// <item>a fragment is dropped (<c>/foo#name</c> → <c>/foo</c>);</item>
/// <item>empty query parts are dropped: an empty part or one with an empty key (<c>/foo?</c>, <c>/foo?=value</c> →
/// <c>/foo</c>; <c>?&amp;a=1</c> → <c>?a=1</c>).</item>
/// </list>
/// The differential test (tests/Cymbio.Generators.Tests, RefitTemplateDifferentialTests) compares this with what
/// Refit's own generator emits, for every shape.
/// </summary>
internal static class RefitRoutes
{
    private const string PathPrefixAttributeName = "PathPrefixAttribute";

    /// <summary>The <c>[PathPrefix]</c> declared on <paramref name="type"/> itself, or null.</summary>
    public static string? PathPrefixOf(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: PathPrefixAttributeName, ContainingNamespace: { Name: "Refit", ContainingNamespace.IsGlobalNamespace: true } }
                && attribute.ConstructorArguments.Length == 1)
            {
                return attribute.ConstructorArguments[0].Value as string;
            }
        }

        return null;
    }

    /// <summary>The template Refit reports for <paramref name="route"/> in an interface with <paramref name="prefix"/>.</summary>
    public static string? Template(string? prefix, string? route)
    {
        if (route is null)
        {
            return null;
        }

        var trimmedPrefix = (prefix ?? string.Empty).TrimEnd('/');
        var joined = route;
        if (trimmedPrefix.Length > 0)
        {
            var rest = route.TrimStart('/');
            joined = rest.Length == 0 ? trimmedPrefix : trimmedPrefix + "/" + rest;
        }

        var fragment = joined.IndexOf('#');
        if (fragment >= 0)
        {
            joined = joined.Substring(0, fragment);
        }

        var query = joined.IndexOf('?');
        if (query < 0)
        {
            return joined;
        }

        var kept = new List<string>();
        foreach (var part in joined.Substring(query + 1).Split('&'))
        {
            if (part.Length > 0 && part[0] != '=')
            {
                kept.Add(part);
            }
        }

        var path = joined.Substring(0, query);
        return kept.Count == 0 ? path : path + "?" + string.Join("&", kept);
    }
}
