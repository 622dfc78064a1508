using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace Cymbio.Generators;

/// <summary>
/// The XML documentation of a wrapper: the Refit method's own summary, parameters and returns (when the compilation
/// has them), then what the wrapper calls — verb, route, scopes and provenance.
/// </summary>
internal static class WrapperDocumentation
{
    public static IEnumerable<string> Lines(
        IMethodSymbol method, INamedTypeSymbol api, string? verb, string? route, Requirement requirement, AttributeData? endpoint, List<string> bound, CancellationToken cancellationToken)
    {
        var own = Parse(method.GetDocumentationCommentXml(cancellationToken: cancellationToken));
        var lines = new List<string> { "<summary>" };
        lines.AddRange(Inner(own?.Element("summary")) is { Count: > 0 } summary ? summary : new List<string> { "Calls " + Cref(api) + "." + "<c>" + Escape(method.Name) + "</c>." });
        lines.Add("</summary>");
        foreach (var parameter in own?.Elements("param") ?? Enumerable.Empty<XElement>())
        {
            if (parameter.Attribute("name")?.Value is { } name && !bound.Contains(name) && method.Parameters.Any(p => p.Name == name))
            {
                lines.Add(parameter.ToString(SaveOptions.DisableFormatting).Replace("\r", string.Empty).Replace("\n", " "));
            }
        }

        if (own?.Element("returns") is { } returns)
        {
            lines.Add(returns.ToString(SaveOptions.DisableFormatting).Replace("\r", string.Empty).Replace("\n", " "));
        }

        lines.Add("<remarks>");
        var call = "<c>" + Escape(verb ?? "?") + " " + Escape(route ?? "?") + "</c>";
        var scopes = requirement.IsDeclared
            ? requirement.Scopes.Count == 0 ? "needs no scope" : "requires " + string.Join(" ", requirement.Scopes.Select(static s => "<c>" + Escape(s.Kind == ScopeReferenceKind.Literal ? s.Text : s.Expression) + "</c>"))
            : "declares no scope (refused at run time)";
        lines.Add(call + "; " + scopes + ";");
        lines.Add(endpoint is null
            ? "provenance not stated."
            : WrapperReader.EvidenceName(endpoint) + " endpoint (" + Escape(string.Join("; ", endpoint.ConstructorArguments.Where(static a => a.Value is string { Length: > 0 }).Select(static a => (string)a.Value!))) + ").");
        lines.Add("Calls " + Cref(api) + "." + "<c>" + Escape(method.Name) + "</c>" + (bound.Count == 0 ? "." : " with " + string.Join(" and ", bound.Select(static b => "<c>" + Escape(b) + "</c>")) + " bound."));
        lines.Add("</remarks>");
        return lines;
    }

    private static XElement? Parse(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            return null;
        }

        try
        {
            return XElement.Parse(xml);
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    private static List<string> Inner(XElement? element)
    {
        var result = new List<string>();
        if (element is null)
        {
            return result;
        }

        var text = string.Concat(element.Nodes().Select(static n => n.ToString(SaveOptions.DisableFormatting)));
        foreach (var line in text.Replace("\r", string.Empty).Split('\n'))
        {
            if (line.Trim().Length > 0)
            {
                result.Add(line.Trim());
            }
        }

        return result;
    }

    private static string Cref(INamedTypeSymbol type) =>
        "<see cref=\"" + type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace('<', '{').Replace('>', '}') + "\"/>";

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
