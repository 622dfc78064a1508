using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Cymbio.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace Cymbio.Analyzers.Tests;

/// <summary>
/// Builds tests/Cymbio.Analyzers.BuildSample with <c>dotnet build</c>, as a user would: a real project that calls the
/// scoped Refit interface of a referenced library project (tests/Cymbio.Analyzers.BuildSample.Api), once correctly and
/// once without a scope its client's grants include, and Cymbio.Api's generated aggregate clients (<c>cymbio.Supplier.…</c>
/// and an injected <c>CymbioSupplierClient</c>). The analyzers run from their project outputs; the build must succeed
/// with exactly the CYM0012 warnings of <see cref="Expected"/>, and nothing else.
/// </summary>
/// <remarks>
/// The sample is not part of Cymbio.Generated.sln (its warning would break the zero-warning build). Every project of
/// its build, the referenced ones included, is built into a private artifacts folder, so this test neither races with
/// nor reuses the outputs of the solution build, and the compiler always runs (an up-to-date build would report nothing).
/// </remarks>
public sealed class BuildSampleTests : IDisposable
{
    private const string SampleProject = "tests/Cymbio.Analyzers.BuildSample/Cymbio.Analyzers.BuildSample.csproj";
    /// <summary>Every diagnostic the build must report, and no other: file, line, column, name at that column, message.</summary>
    private static readonly (string File, int Line, int Column, string Name, string Message)[] Expected =
    [
        ("Program.cs", 13, 14, "CancelAsync(", "'IOrdersApi.CancelAsync' requires 'write:orders', which is not granted by the grants of the CymbioClientOptions created at line 6"),
        // Through the generated aggregate clients: cymbio.Supplier.… chains traced to the options, an injected aggregate judged by the enclosing grants.
        ("Aggregates.cs", 15, 44, "AcceptAsync(", "'FulfillmentsClient.AcceptAsync' requires 'write:fulfillments', which is not granted by the grants of the CymbioClientOptions created at line 13"),
        ("Aggregates.cs", 18, 25, "SetLevelsAsync(", "'InventoryClient.SetLevelsAsync' requires 'write:inventory', which is not granted by the grants of the CymbioClientOptions created at line 13"),
        ("Aggregates.cs", 28, 54, "ShipAsync(", "'FulfillmentsClient.ShipAsync' requires 'write:fulfillments', which is not granted by [CymbioGrants] on 'InjectedSupplier'"),
    ];

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    // MSBuild's canonical form: "origin: (warning|error) [CODE]: text", e.g. "Program.cs(13,14): warning CYM0012: …",
    // "MSBUILD : error MSB1009: …", "/usr/share/dotnet/sdk/…/X.targets(5,5): error : …".
    private static readonly Regex Diagnostic = new(@":\s+(?:warning|error)(?:\s+[A-Za-z]+[0-9]+)?\s*:", RegexOptions.CultureInvariant);

    private static readonly Regex SourceDiagnostic = new(
        @"^\s*(?<file>.+?)\((?<line>[0-9]+),(?<column>[0-9]+)\): (?<severity>warning|error) (?<id>[A-Z]+[0-9]+): (?<message>.*?)(?: \((?<help>https?://[^ )]+)\))?(?: \[(?<project>[^\]]+)\])?$",
        RegexOptions.CultureInvariant);

    private readonly ITestOutputHelper _output;
    private readonly string _root;
    private readonly string _artifacts;

    public BuildSampleTests(ITestOutputHelper output)
    {
        _output = output;
        _root = Repository.Root;
        _artifacts = Path.Combine(Path.GetTempPath(), "cymbio-buildsample-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_artifacts);
    }

    /// <summary>
    /// Builds the sample as it is (CYM0012 is a warning), and with a <c>.globalconfig</c> raising CYM0012 to an error —
    /// the severity users set in .editorconfig or .globalconfig — which must fail the build with the same single diagnostic.
    /// </summary>
    [Theory]
    [InlineData(null)]
    [InlineData("error")]
    public void DotnetBuild_ReportsTheMissingScope_AtTheCall_AndNothingElse(string? configuredSeverity)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0/
        var severityArguments = new List<string>();
        if (configuredSeverity is not null)
        {
            var config = Path.Combine(_artifacts, "severity.globalconfig");
            File.WriteAllText(config, $"is_global = true\ndotnet_diagnostic.CYM0012.severity = {configuredSeverity}\n");
            severityArguments.Add("-p:CymbioSampleAnalyzerConfig=" + config);
        }

        var expectedSeverity = configuredSeverity ?? "warning";
        var (exitCode, output) = Build(
            [
            "build", SampleProject,
            "-c", configuration,
            "--nologo",
            "-tl:off",
            "-nodeReuse:false",
            "-clp:NoSummary;ForceNoAlign",
            "-p:UseArtifactsOutput=true",
            "-p:ArtifactsPath=" + _artifacts + Path.DirectorySeparatorChar,
            .. severityArguments,
            ]);

        try
        {
            Assert.True((exitCode == 0) == (expectedSeverity != "error"), $"dotnet build exited with {exitCode}.");

            // MSBuild repeats warnings (per project, in the summary): compare distinct lines.
            var diagnostics = output.Split('\n')
                .Select(static line => line.TrimEnd('\r').Trim())
                .Where(line => Diagnostic.IsMatch(line))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var reported = diagnostics.Select(line => SourceDiagnostic.Match(line)).ToList();
            Assert.All(reported, match => Assert.True(match.Success, "Not a source diagnostic: " + match.Value));
            var sampleFolder = Path.GetDirectoryName(Path.GetFullPath(Path.Combine(_root, SampleProject)))!;
            Assert.Equal(
                Expected.Select(e => (Path.Combine(sampleFolder, e.File), expectedSeverity, "CYM0012", e.Line, e.Column, e.Message)).Order(),
                reported.Select(m => (
                    Path.GetFullPath(m.Groups["file"].Value),
                    m.Groups["severity"].Value,
                    m.Groups["id"].Value,
                    int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    int.Parse(m.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    m.Groups["message"].Value)).Order());
            foreach (var match in reported)
            {
                // No help link: the SDK has no public address, and an invented one would be a dead link (docs/diagnostics/README.md).
                Assert.Equal(string.Empty, match.Groups["help"].Value);
                Assert.Equal(Path.GetFullPath(Path.Combine(_root, SampleProject)), Path.GetFullPath(match.Groups["project"].Value));
            }

            // Each location is the method name of the call (so the sample's lines have not drifted).
            foreach (var expected in Expected)
            {
                var sourceLine = File.ReadAllLines(Path.Combine(sampleFolder, expected.File))[expected.Line - 1];
                Assert.StartsWith(expected.Name, sourceLine.Substring(expected.Column - 1), StringComparison.Ordinal);
            }

            // The build really compiled both sample projects into the private folder.
            Assert.True(File.Exists(Path.Combine(_artifacts, "bin", "Cymbio.Analyzers.BuildSample.Api", configuration.ToLowerInvariant(), "Cymbio.Analyzers.BuildSample.Api.dll")), "The library was not built into the artifacts folder.");
            Assert.True(
                File.Exists(Path.Combine(_artifacts, "bin", "Cymbio.Analyzers.BuildSample", configuration.ToLowerInvariant(), "Cymbio.Analyzers.BuildSample.dll")) == (expectedSeverity != "error"),
                "The sample was built despite an error, or not built without one.");
        }
        catch
        {
            _output.WriteLine(output);
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_artifacts, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is not a test failure.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }

    private (int ExitCode, string Output) Build(string[] arguments)
    {
        try
        {
            return DotnetProcess.Run(_root, arguments, Timeout);
        }
        catch (TimeoutException timeout)
        {
            _output.WriteLine(timeout.Message);
            throw;
        }
    }
}
