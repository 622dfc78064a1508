using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Cymbio.Tests.Shared;
using Cymbio.Tests.Shared.Roslyn;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Cymbio.Generators.Tests;

/// <summary>
/// Snapshot checks of the emitted source against checked-in files under <c>Snapshots/&lt;scenario&gt;/</c>.
/// A mismatch writes <c>*.received.cs</c> beside the expected file; set <c>CYMBIO_UPDATE_SNAPSHOTS=1</c> to accept.
/// </summary>
internal static class Snapshot
{
    public static async Task VerifyAsync(string scenario, string[] sources, string? manifest = null)
    {
        var compilation = RoslynTestEnvironment.Compile(sources);
        var texts = manifest is null ? Array.Empty<Microsoft.CodeAnalysis.AdditionalText>() : new[] { RoslynTestEnvironment.Manifest(manifest) };
        var outcome = RoslynTestEnvironment.Run(compilation, texts);
        Assert.Empty(outcome.Crashes);
        Assert.Empty(outcome.Exceptions);

        var folder = Repository.PathOf("tests", "Cymbio.Generators.Tests", "Snapshots", scenario);
        var update = Environment.GetEnvironmentVariable("CYMBIO_UPDATE_SNAPSHOTS") == "1";
        var generated = outcome.Result.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();
        var mismatches = new List<string>();
        foreach (var source in generated)
        {
            var expectedPath = Path.Combine(folder, source.HintName);
            var actual = source.SourceText.ToString();
            if (update)
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(expectedPath, actual);
                continue;
            }

            if (!File.Exists(expectedPath) || File.ReadAllText(expectedPath) != actual)
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.ChangeExtension(expectedPath, ".received.cs"), actual);
                mismatches.Add(source.HintName);
            }
        }

        var stale = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.cs").Select(Path.GetFileName).Where(n => !n!.EndsWith(".received.cs", StringComparison.Ordinal) && generated.All(g => g.HintName != n)).ToList()
            : new List<string?>();
        Assert.True(mismatches.Count == 0, $"Generated source differs from the snapshot for: {string.Join(", ", mismatches)} (see *.received.cs in {folder}).");
        Assert.True(stale.Count == 0, $"Snapshot files no longer generated: {string.Join(", ", stale)}");

        // The same expectation through Microsoft.CodeAnalysis.Testing, which also proves the output compiles cleanly.
        var test = new CSharpSourceGeneratorTest<ScopeGenerator, DefaultVerifier>();
        RoslynTestEnvironment.UseCymbioReferences(test, clientDependencies: false, test.TestState);
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        if (manifest is not null)
        {
            test.TestState.AdditionalFiles.Add((RoslynTestEnvironment.ManifestPath, manifest));
        }

        foreach (var source in generated)
        {
            var text = File.ReadAllText(Path.Combine(folder, source.HintName));
            test.TestState.GeneratedSources.Add((typeof(ScopeGenerator), source.HintName, SourceText.From(text, Encoding.UTF8)));
        }

        await test.RunAsync();
    }
}
