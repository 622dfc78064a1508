using System.Text.Json.Nodes;
using Xunit;

namespace Cymbio.Api.Tests.Infrastructure;

/// <summary>Compares JSON by value: member order and whitespace do not matter, names, values and array order do.</summary>
internal static class JsonAssert
{
    public static void Equal(string expected, string? actual)
    {
        Assert.NotNull(actual);
        var expectedNode = JsonNode.Parse(expected);
        var actualNode = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(expectedNode, actualNode), $"Expected JSON {expectedNode?.ToJsonString()}, got {actualNode?.ToJsonString()}.");
    }
}
