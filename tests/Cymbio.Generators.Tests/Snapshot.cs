using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Cymbio.Tests.Shared;
using Cymbio.Tests.Shared.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Cymbio.Generators.Tests;

/// <summary>
/// Snapshot checks of the emitted source and of the diagnostics of the run against checked-in files under
/// <c>Snapshots/&lt;scenario&gt;/</c>: one file per generated source, and <see cref="DiagnosticsFile"/>.
/// A mismatch writes <c>*.received.*</c> beside the expected file; set <c>CYMBIO_UPDATE_SNAPSHOTS=1</c> to accept.
/// </summary>
internal static class Snapshot
{
    /// <summary>The diagnostics of a scenario, one line each (see <see cref="Diagnostics"/>); empty when there are none.</summary>
    public const string DiagnosticsFile = "diagnostics.txt";

    public static async Task VerifyAsync(string scenario, string[] sources, string? manifest = null)
    {
        var compilation = RoslynTestEnvironment.Compile(sources);
        var texts = manifest is null ? Array.Empty<AdditionalText>() : new[] { RoslynTestEnvironment.Manifest(manifest) };
        var outcome = RoslynTestEnvironment.Run(compilation, texts);
        Assert.Empty(outcome.Crashes);
        Assert.Empty(outcome.Exceptions);

        var folder = Repository.PathOf("tests", "Cymbio.Generators.Tests", "Snapshots", scenario);
        var update = Environment.GetEnvironmentVariable("CYMBIO_UPDATE_SNAPSHOTS") == "1";
        var generated = outcome.Result.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();
        var mismatches = new List<string>();
        foreach (var (name, actual) in generated.Select(s => (s.HintName, s.SourceText.ToString())).Append((DiagnosticsFile, Diagnostics(outcome))))
        {
            if (!Matches(folder, name, actual, update))
            {
                mismatches.Add(name);
            }
        }

        var stale = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.cs").Select(Path.GetFileName).Where(n => !n!.EndsWith(".received.cs", StringComparison.Ordinal) && generated.All(g => g.HintName != n)).ToList()
            : new List<string?>();
        Assert.True(mismatches.Count == 0, $"Generated source or diagnostics differ from the snapshot for: {string.Join(", ", mismatches)} (see *.received.* in {folder}).");
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

    /// <summary>
    /// The generator's diagnostics and those of the compilation it produced (compiler and declaration analyzer), as
    /// <see cref="RunOutcome"/> gives them, one line each: <c>id severity file(line,column): message</c>, ordered by
    /// file, position, id and message. <see cref="RunOutcome.GeneratorDiagnostics"/> holds the driver's diagnostics and
    /// the run result's, which are the same ones: each is listed once.
    /// </summary>
    public static string Diagnostics(RunOutcome outcome) => string.Concat(
        outcome.GeneratorDiagnostics.Distinct().Concat(outcome.AllDiagnostics)
            .Select(d => (Span: d.Location.GetLineSpan(), Diagnostic: d, Message: d.GetMessage(CultureInfo.InvariantCulture)))
            .OrderBy(d => d.Span.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Span.StartLinePosition)
            .ThenBy(d => d.Diagnostic.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .Select(d => $"{d.Diagnostic.Id} {d.Diagnostic.Severity} {Location(d.Span)}: {OneLine(d.Message)}\n"));

    /// <summary>
    /// Whether <paramref name="actual"/> is the content of <paramref name="name"/> in <paramref name="folder"/>; if not,
    /// writes it beside as <c>*.received.*</c>. With <paramref name="update"/>, writes it as the snapshot instead.
    /// </summary>
    private static bool Matches(string folder, string name, string actual, bool update)
    {
        var expectedPath = Path.Combine(folder, name);
        if (update)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(expectedPath, actual);
            return true;
        }

        if (File.Exists(expectedPath) && File.ReadAllText(expectedPath) == actual)
        {
            return true;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.ChangeExtension(expectedPath, ".received" + Path.GetExtension(expectedPath)), actual);
        return false;
    }

    private static string Location(FileLinePositionSpan span) => span.IsValid
        ? FormattableString.Invariant($"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})")
        : "(no location)";

    /// <summary>Writes the line breaks C# knows (CR, LF, NEL, LS, PS) as escapes, so that a message stays on its line.</summary>
    private static string OneLine(string message) => message
        .Replace("\r", "\\r", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\u0085", "\\u0085", StringComparison.Ordinal)
        .Replace("\u2028", "\\u2028", StringComparison.Ordinal)
        .Replace("\u2029", "\\u2029", StringComparison.Ordinal);
}
