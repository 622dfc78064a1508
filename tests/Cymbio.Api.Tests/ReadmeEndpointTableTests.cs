using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Refit;
using Xunit;

namespace Cymbio.Api.Tests;

/// <summary>
/// The README's endpoint table is the code's: one row per method of every Cymbio.Api interface (id, verb, route,
/// scopes, evidence, method), in the order the interfaces declare them. <c>CYMBIO_UPDATE_SNAPSHOTS=1</c> rewrites it.
/// </summary>
public sealed class ReadmeEndpointTableTests
{
    private const string Begin = "<!-- endpoints:begin -->";
    private const string End = "<!-- endpoints:end -->";
    private const string Header = "| Id | Method | Path | Scope | Evidence | Client method |\n|---|---|---|---|---|---|\n";

    [Fact]
    public void ReadmeTable_IsTheCodes()
    {
        var readmePath = Cymbio.Tests.Shared.Repository.PathOf("README.md");
        var readme = File.ReadAllText(readmePath).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"README.md has no {Begin} … {End} block.");
        var actual = readme[(start + Begin.Length)..end].Trim('\n');
        var expected = (Header + string.Join("\n", Rows())).Trim('\n');

        if (Environment.GetEnvironmentVariable("CYMBIO_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(readmePath, readme[..(start + Begin.Length)] + "\n" + expected + "\n" + readme[end..]);
            return;
        }

        Assert.Equal(expected, actual);
    }

    private static string[] Rows() =>
        typeof(CymbioApi).Assembly.GetExportedTypes()
            .Where(static t => t.IsInterface && t.GetMethods().Any(static m => m.GetCustomAttribute<CymbioEndpointAttribute>() is not null))
            .OrderBy(static t => t.FullName, StringComparer.Ordinal)
            .SelectMany(static t => t.GetMethods().OrderBy(static m => m.MetadataToken).Select(m => Row(t, m)))
            .ToArray();

    private static string Row(Type api, MethodInfo method)
    {
        var endpoint = method.GetCustomAttribute<CymbioEndpointAttribute>() ?? throw new InvalidOperationException($"{api.Name}.{method.Name} has no [CymbioEndpoint].");
        var http = method.GetCustomAttribute<HttpMethodAttribute>() ?? throw new InvalidOperationException($"{api.Name}.{method.Name} has no Refit HTTP attribute.");
        var scopes = string.Join(" ", method.GetCustomAttributes<CymbioScopeAttribute>().SelectMany(static a => a.Scopes).Order(StringComparer.Ordinal));
        var evidence = endpoint.Evidence.ToString().ToLowerInvariant() + (endpoint.Sources.Length > 0 ? $" ({endpoint.Sources.Replace(" ", ", ", StringComparison.Ordinal)})" : string.Empty);
        return $"| {endpoint.Id} | {http.Method.Method} | `{http.Path}` | `{scopes}` | {evidence} | `{api.Name}.{method.Name}` |";
    }
}
