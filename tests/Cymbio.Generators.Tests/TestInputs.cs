using System;
using System.IO;

namespace Cymbio.Generators.Tests;

/// <summary>Inputs the project copies beside the test binaries.</summary>
internal static class TestInputs
{
    /// <summary>The repository's <c>scopes.json</c>.</summary>
    public static string RepositoryManifest => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scopes.json"));
}
