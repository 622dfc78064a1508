using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace Cymbio.Api.Tests;

/// <summary>Every endpoint the API notes list has a method, and every Cymbio scope is used by one.</summary>
public sealed partial class CoverageTests
{
    [Fact]
    public void EveryEndpointOfTheNotes_HasAMethod_AndNoMethodInventsOne()
    {
        var notes = File.ReadAllText(Cymbio.Tests.Shared.Repository.PathOf("docs", "cymbio-api.md"));
        var listed = EndpointRow().Matches(notes).Select(static m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var implemented = Endpoints().Select(static e => e.Id).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(49, listed.Count); // C-1…C-23, I-1…I-16, I-20…I-29 (docs/cymbio-api.md §4, §5)
        Assert.Equal(listed.Order(StringComparer.Ordinal), implemented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryCymbioScope_IsRequiredByAnEndpoint()
    {
        var used = typeof(CymbioApi).Assembly.GetExportedTypes()
            .Where(static t => t.IsInterface)
            .SelectMany(static t => t.GetMethods())
            .SelectMany(static m => m.GetCustomAttributes<CymbioScopeAttribute>())
            .SelectMany(static a => a.Scopes)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(CymbioScopes.All.Order(StringComparer.Ordinal), used.Order(StringComparer.Ordinal));
    }

    private static CymbioEndpointAttribute[] Endpoints() =>
        typeof(CymbioApi).Assembly.GetExportedTypes()
            .Where(static t => t.IsInterface)
            .SelectMany(static t => t.GetMethods())
            .Select(static m => m.GetCustomAttribute<CymbioEndpointAttribute>())
            .OfType<CymbioEndpointAttribute>()
            .ToArray();

    // A table row of §4 or §5: "| C-1 | GET | …" or "| I-12 | GET | …".
    [GeneratedRegex(@"^\| ([CI]-[0-9]+) \| (?:GET|POST|PUT|PATCH|DELETE) \|", RegexOptions.Multiline)]
    private static partial Regex EndpointRow();
}
