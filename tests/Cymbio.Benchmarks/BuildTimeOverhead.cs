using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Cymbio.Tests.Shared;

namespace Cymbio.Benchmarks;

/// <summary>
/// What Cymbio adds to a real <c>dotnet build</c> of a consumer, as a BenchmarkDotNet ratio: the two projects of
/// <see cref="BuildTimeProjects"/> (identical sources; only one loads Cymbio's generator and analyzers), one build per
/// iteration after a source file is touched, so that the compiler runs every time. BenchmarkDotNet runs the two
/// benchmarks one after the other, each in its own process with its own copy of the projects; the paired mode
/// (<c>-- --build-time</c>, <see cref="BuildTimePaired"/>) alternates them instead, which this machine's noise favours.
/// </summary>
/// <remarks>The returned value is the Csc task time of the build, in milliseconds.</remarks>
[MedianColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class BuildTimeOverhead
{
    private BuildTimeProjects _projects = null!;

    [GlobalSetup]
    public void Setup() => _projects = BuildTimeProjects.Create(directory: null, Console.WriteLine);

    [GlobalCleanup]
    public void Cleanup() => _projects.Dispose();

    /// <summary>Refit and the Cymbio.Client runtime, without Cymbio's generator and analyzers.</summary>
    [Benchmark(Baseline = true)]
    public double BaselineBuild() => _projects.Build(BuildTimeProjects.Baseline).CscMilliseconds;

    /// <summary>The same sources with Cymbio's generator and analyzers loaded, as the package ships them.</summary>
    [Benchmark]
    public double CymbioBuild() => _projects.Build(BuildTimeProjects.Cymbio).CscMilliseconds;
}

/// <summary>
/// The build-time input: two SDK projects with identical C# sources — the generator benchmark's 200 Refit interfaces
/// × 10 methods under <c>[CymbioScope]</c> (<see cref="SyntheticCompilation"/>, its consumer variant: every operation
/// scoped, a few overloads), plus classes that call two operations of every interface — written to a folder of their
/// own with a freshly packed Cymbio.Client:
/// <list type="bullet">
/// <item><c>cymbio/</c> references Refit (with its generator) and Cymbio.Client, as a user does: the compiler loads what
/// the package carries in <c>analyzers/dotnet/cs</c> — Cymbio.Generators (with the System.Text.Json,
/// System.Text.Encodings.Web and Microsoft.Bcl.AsyncInterfaces it ships beside it), Cymbio.Analyzers and the code fixes;</item>
/// <item><c>baseline/</c> references the same but takes the package's analyzers out of the compiler's inputs.</item>
/// </list>
/// Both are restored once, when written. Builds are Debug (what <c>dotnet build</c> does by default).
/// </summary>
public sealed class BuildTimeProjects : IDisposable
{
    /// <summary>The project without Cymbio's generator and analyzers.</summary>
    public const string Baseline = "baseline";

    /// <summary>The project with Cymbio's generator and analyzers.</summary>
    public const string Cymbio = "cymbio";

    /// <summary>The configuration the projects are built in: <c>dotnet build</c>'s default.</summary>
    public const string Configuration = "Debug";

    /// <summary>The source file touched before every build so that the compiler runs again; no generator is interested in it.</summary>
    public static readonly string TouchedFile = SyntheticCompilation.UnrelatedPath.TrimStart('/');

    private const string ProjectFile = "Synthetic.App.csproj";

    /// <summary>The configuration this repository's projects were built in (the benchmarks' own): the package is packed from it.</summary>
#if DEBUG
    private const string RepositoryConfiguration = "Debug";
#else
    private const string RepositoryConfiguration = "Release";
#endif

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    // MSBuild's task performance summary (-clp:PerformanceSummary): "     4321 ms  Csc     1 calls".
    private static readonly Regex CscLine = new(@"^\s*(?<ms>\d+) ms\s+Csc\s+(?<calls>\d+) calls\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static readonly Regex CymbioRuleId = new(@"""ruleId""\s*:\s*""CYM\d+""", RegexOptions.CultureInvariant);

    private static readonly Regex WarningCount = new(@"^\s*(?<count>\d+) Warning\(s\)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static readonly Lazy<IReadOnlyList<(string Path, string Text)>> LazySources = new(BuildSources, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly bool _deleteOnDispose;

    private readonly HashSet<string> _validated = new(StringComparer.Ordinal);

    private BuildTimeProjects(string root, bool deleteOnDispose)
    {
        Root = root;
        _deleteOnDispose = deleteOnDispose;
    }

    /// <summary>Gets the folder holding <c>baseline/</c>, <c>cymbio/</c>, the package feed and the restored packages.</summary>
    public string Root { get; }

    /// <summary>Gets the C# files of both projects, as (path, text) pairs.</summary>
    public static IReadOnlyList<(string Path, string Text)> Sources => LazySources.Value;

    /// <summary>
    /// Packs Cymbio.Client from this repository's build outputs, writes both projects to <paramref name="directory"/>
    /// (a new temporary folder, deleted on <see cref="Dispose"/>, when <see langword="null"/>) and restores them.
    /// </summary>
    public static BuildTimeProjects Create(string? directory, Action<string> log)
    {
        var root = Path.GetFullPath(directory ?? Path.Combine(Path.GetTempPath(), "cymbio-buildtime-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(root);
        var projects = new BuildTimeProjects(root, deleteOnDispose: directory is null);
        try
        {
            projects.Write(log);
        }
        catch
        {
            projects.Dispose();
            throw;
        }

        return projects;
    }

    /// <summary>The directory of <paramref name="project"/> (<see cref="Baseline"/> or <see cref="Cymbio"/>).</summary>
    public string ProjectDirectory(string project) => Path.Combine(Root, project);

    /// <summary>
    /// Touches <see cref="TouchedFile"/>, then runs <c>dotnet build --no-restore</c> of <paramref name="project"/>, with
    /// the compiler server (<paramref name="sharedCompilation"/>, a developer's default) or a fresh <c>csc</c> process.
    /// Throws unless the build succeeded and its Csc task ran exactly once. The first build of each project also checks
    /// that it has no warnings, no Cymbio diagnostic of any severity (from a SARIF log of that build) and that the assembly
    /// has the scope tables it should (200 with Cymbio, none without).
    /// </summary>
    public BuildResult Build(string project, bool sharedCompilation = true, params string[] extraArguments)
    {
        var directory = ProjectDirectory(project);
        File.SetLastWriteTimeUtc(Path.Combine(directory, TouchedFile), DateTime.UtcNow);
        var arguments = new List<string>
        {
            "build", ProjectFile, "--no-restore", "-nodeReuse:false", "-tl:off", "-v:m", "-clp:Summary;PerformanceSummary",
            "-p:UseSharedCompilation=" + (sharedCompilation ? "true" : "false"),
        };
        arguments.AddRange(extraArguments);
        var validate = !_validated.Contains(project);
        if (validate)
        {
            // The first build also writes every diagnostic, information messages included, to a SARIF log.
            arguments.Add("-p:ErrorLog=" + ErrorLogPath(project));
        }

        var cpuBefore = BuildCpuMilliseconds();
        var started = Stopwatch.GetTimestamp();
        var (exitCode, output) = DotnetProcess.Run(directory, arguments, Timeout);
        var wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var cpu = BuildCpuMilliseconds() - cpuBefore;
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} in {directory} exited with {exitCode}:\n{output}");
        }

        var csc = CscLine.Match(output);
        if (!csc.Success || csc.Groups["calls"].Value != "1")
        {
            throw new InvalidOperationException($"The Csc task did not run exactly once in the build of {project}:\n{output}");
        }

        var warnings = WarningCount.Match(output);
        var result = new BuildResult(
            wall,
            double.Parse(csc.Groups["ms"].Value, CultureInfo.InvariantCulture),
            cpu,
            warnings.Success ? int.Parse(warnings.Groups["count"].Value, CultureInfo.InvariantCulture) : -1,
            output);
        if (validate)
        {
            Validate(project, result);
            _validated.Add(project);
        }

        return result;
    }

    /// <summary>The number of generated scope tables (types named <c>…ApiScopes</c>) in the built assembly of <paramref name="project"/>.</summary>
    public int ScopeTables(string project)
    {
        using var stream = File.OpenRead(Path.Combine(ProjectDirectory(project), "bin", Configuration, "net10.0", "Synthetic.App.dll"));
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions.Count(handle => metadata.GetString(metadata.GetTypeDefinition(handle).Name).EndsWith("ApiScopes", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (!_deleteOnDispose)
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is not worth failing a benchmark for.
        }
    }

    private void Write(Action<string> log)
    {
        var version = "0.1.0-buildtime." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var feed = Path.Combine(Root, "feed");
        log($"// BuildTimeProjects: packing Cymbio.Client {version} ({RepositoryConfiguration} build outputs) and writing the projects to {Root}");
        Dotnet(Repository.Root, PackageFeed.PackClientArguments(RepositoryConfiguration, feed, version));
        PackageFeed.WriteNuGetConfig(Root, feed);

        // Nothing from the folders above applies (the projects may be written inside this repository); packages are
        // restored beside the projects, so that the freshly packed Cymbio.Client stays out of the global packages folder.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), """
            <Project>
              <PropertyGroup>
                <RestorePackagesPath>$(MSBuildThisFileDirectory)packages</RestorePackagesPath>
              </PropertyGroup>
            </Project>

            """);
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");

        foreach (var project in new[] { Baseline, Cymbio })
        {
            var directory = ProjectDirectory(project);
            AnalyzerProject.WriteSources(directory, Sources);
            File.WriteAllText(Path.Combine(directory, ProjectFile), ProjectText(project == Cymbio, version));
            Dotnet(directory, "restore", ProjectFile);
        }

        log($"// BuildTimeProjects: {Sources.Count} source files in {Baseline}/ and {Cymbio}/, restored");
    }

    /// <summary>
    /// CPU time so far of this process's finished children (with their own waited-for children: the <c>dotnet build</c>
    /// processes, MSBuild in them, and a fresh <c>csc</c>), plus that of the running compiler servers (VBCSCompiler), in
    /// milliseconds; <see cref="double.NaN"/> where <c>/proc</c> is not available. Linux counts a child's time once it
    /// has been waited for, which <see cref="DotnetProcess"/> does before it returns.
    /// </summary>
    private static double BuildCpuMilliseconds()
    {
        if (!File.Exists("/proc/self/stat"))
        {
            return double.NaN;
        }

        // Fields after "pid (comm) ": state is field 3; cutime and cstime, in clock ticks (USER_HZ, 100 on Linux), are 16 and 17.
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var children = (long.Parse(fields[16 - 3], CultureInfo.InvariantCulture) + long.Parse(fields[17 - 3], CultureInfo.InvariantCulture)) * 10.0;
        var servers = 0.0;
        foreach (var server in Process.GetProcessesByName("VBCSCompiler"))
        {
            using (server)
            {
                try
                {
                    servers += server.TotalProcessorTime.TotalMilliseconds;
                }
                catch (InvalidOperationException)
                {
                    // It exited meanwhile.
                }
            }
        }

        return children + servers;
    }

    private string ErrorLogPath(string project) => Path.Combine(Root, project + ".sarif");

    private void Validate(string project, BuildResult result)
    {
        var expected = project == Cymbio ? SyntheticCompilation.InterfaceCount : 0;
        var tables = ScopeTables(project);

        // Information messages never show in the build's output; a consumer's clean build has none of Cymbio's either.
        var cymbioDiagnostics = CymbioRuleId.Matches(File.ReadAllText(ErrorLogPath(project))).Count;
        if (result.Warnings != 0 || tables != expected || cymbioDiagnostics != 0)
        {
            throw new InvalidOperationException(
                $"The {project} build should have no warnings, no Cymbio diagnostics and {expected} scope tables; it has {result.Warnings} warnings, "
                + $"{cymbioDiagnostics} Cymbio diagnostics (see {ErrorLogPath(project)}) and {tables} scope tables:\n{result.Output}");
        }
    }

    private static void Dotnet(string directory, params string[] arguments)
    {
        var (exitCode, output) = DotnetProcess.Run(directory, arguments, Timeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} in {directory} exited with {exitCode}:\n{output}");
        }
    }

    private static string ProjectText(bool cymbio, string version) => $"""
        <Project Sdk="Microsoft.NET.Sdk">

          <!-- Written by the benchmarks' build-time mode (tests/Cymbio.Benchmarks, BuildTimeOverhead.cs). baseline/ and cymbio/
               have the same sources and the same project file, but for the value of CymbioTools. -->
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
            <!-- Whether the compiler loads what Cymbio.Client carries in analyzers/dotnet/cs: Cymbio's generator (with the
                 System.Text.Json it reads scopes.json with, and that one's dependencies), the call-site analyzers and their
                 code fixes. -->
            <CymbioTools>{(cymbio ? "true" : "false")}</CymbioTools>
          </PropertyGroup>

          <ItemGroup>
            <PackageReference Include="Refit" Version="{SyntheticCompilation.RefitVersion}" />
            <PackageReference Include="Cymbio.Client" Version="{version}" />
          </ItemGroup>

          <!-- Without CymbioTools, only the runtime and its attributes. ExcludeAssets="analyzers" would not do: the SDK passes
               a package's analyzers to the compiler regardless (dotnet/sdk#1212, NuGet/Home#6279). -->
          <Target Name="RemoveCymbioTools" AfterTargets="ResolveLockFileAnalyzers" Condition="'$(CymbioTools)' != 'true'">
            <ItemGroup>
              <Analyzer Remove="@(ResolvedAnalyzers)" Condition="'%(ResolvedAnalyzers.NuGetPackageId)' == 'Cymbio.Client'" />
            </ItemGroup>
          </Target>

        </Project>

        """;

    private static IReadOnlyList<(string Path, string Text)> BuildSources()
    {
        var sources = SyntheticCompilation.Sources(consumer: true).ToList();
        var all = string.Join(", ", SyntheticCompilation.Scopes.Select(static scope => $"\"{scope}\""));
        sources.Add(("/synthetic/App/AssemblyGrants.cs", $"using Cymbio;\n\n// The application's client is granted every scope.\n[assembly: CymbioGrants({all})]\n"));
        for (var area = 0; area < 10; area++)
        {
            sources.Add((Invariant($"/synthetic/App/Area{area}Jobs.cs"), CallerSource(area)));
        }

        return sources;
    }

    /// <summary>A class that calls two operations (a GET and a PUT) of each interface in one of the ten namespaces.</summary>
    private static string CallerSource(int area)
    {
        var b = new StringBuilder();
        b.Append(Invariant($$"""
            using System.Threading.Tasks;
            using Cymbio;
            using Synthetic.Api.Area{{area}};

            namespace Synthetic.App;

            public sealed class Area{{area}}Jobs
            {
                private readonly CymbioClient _client;

                public Area{{area}}Jobs(CymbioClient client) => _client = client;

            """));
        for (var i = area; i < SyntheticCompilation.InterfaceCount; i += 10)
        {
            b.Append(Invariant($$"""

                    public async Task<long> SyncThings{{i}}Async(long supplierId)
                    {
                        var api = _client.Create<IThings{{i}}Api>();
                        var thing = await api.GetThing0Async(supplierId, {{i}}).ConfigureAwait(false);
                        await api.UpdateThing2Async(supplierId, thing.Id, thing).ConfigureAwait(false);
                        return thing.Id;
                    }

                """));
        }

        b.Append("}\n");
        return b.ToString();
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}

/// <summary>
/// One build: wall-clock time of the <c>dotnet build</c> process; the Csc task time from MSBuild's performance summary;
/// CPU time of the build's processes and of the compiler server, which is less sensitive to other load on the machine
/// than wall time (but counts whatever else the server compiled meanwhile); warning count; output.
/// </summary>
public sealed record BuildResult(double WallMilliseconds, double CscMilliseconds, double CpuMilliseconds, int Warnings, string Output);

/// <summary>
/// The paired figure: <c>dotnet run -c Release --project tests/Cymbio.Benchmarks -- --build-time [rounds] [--fresh-csc]</c>.
/// After one warm-up build of each project (which also starts the compiler server and checks both builds), every round
/// builds both projects, in ABBA order (odd rounds baseline first, even rounds Cymbio first), so that both see the same
/// machine load; the ratio is taken per round and the median reported.
/// </summary>
public static class BuildTimePaired
{
    /// <summary>Rounds when none are given.</summary>
    public const int DefaultRounds = 7;

    public static int Run(int rounds, bool sharedCompilation)
    {
        Console.WriteLine($"load average before: {LoadAverage()}");
        using var projects = BuildTimeProjects.Create(directory: null, Console.WriteLine);
        var compiler = sharedCompilation ? "compiler server, UseSharedCompilation=true" : "fresh csc per build, UseSharedCompilation=false";
        Console.WriteLine($"// {rounds} rounds, {BuildTimeProjects.Configuration}, {compiler}");
        foreach (var project in new[] { BuildTimeProjects.Baseline, BuildTimeProjects.Cymbio })
        {
            var warmup = projects.Build(project, sharedCompilation);
            Console.WriteLine(Invariant($"warm-up {project}: wall / Csc / CPU {warmup.WallMilliseconds:F0} / {warmup.CscMilliseconds:F0} / {warmup.CpuMilliseconds:F0} ms, {warmup.Warnings} warnings, {projects.ScopeTables(project)} scope tables"));
        }

        var pairs = new List<(BuildResult Baseline, BuildResult Cymbio)>();
        for (var round = 1; round <= rounds; round++)
        {
            BuildResult baseline, cymbio;
            var baselineFirst = round % 2 == 1;
            if (baselineFirst)
            {
                baseline = projects.Build(BuildTimeProjects.Baseline, sharedCompilation);
                cymbio = projects.Build(BuildTimeProjects.Cymbio, sharedCompilation);
            }
            else
            {
                cymbio = projects.Build(BuildTimeProjects.Cymbio, sharedCompilation);
                baseline = projects.Build(BuildTimeProjects.Baseline, sharedCompilation);
            }

            pairs.Add((baseline, cymbio));
            Console.WriteLine(Invariant(
                $"round {round} ({(baselineFirst ? "baseline first" : "cymbio first")}): wall / Csc / CPU ms: baseline {baseline.WallMilliseconds:F0} / {baseline.CscMilliseconds:F0} / {baseline.CpuMilliseconds:F0}, ")
                + Invariant($"cymbio {cymbio.WallMilliseconds:F0} / {cymbio.CscMilliseconds:F0} / {cymbio.CpuMilliseconds:F0}; ratio {cymbio.WallMilliseconds / baseline.WallMilliseconds:F3} / {cymbio.CscMilliseconds / baseline.CscMilliseconds:F3} / {cymbio.CpuMilliseconds / baseline.CpuMilliseconds:F3}"));
        }

        Console.WriteLine();
        Console.WriteLine($"medians of {rounds} rounds ({compiler}):");
        Summarize("wall (dotnet build process)", pairs.Select(static p => (p.Baseline.WallMilliseconds, p.Cymbio.WallMilliseconds)).ToList());
        Summarize("Csc task", pairs.Select(static p => (p.Baseline.CscMilliseconds, p.Cymbio.CscMilliseconds)).ToList());
        Summarize("CPU (build + server)", pairs.Select(static p => (p.Baseline.CpuMilliseconds, p.Cymbio.CpuMilliseconds)).ToList());
        Console.WriteLine("target: whole build (wall) <= 1.10x");
        Console.WriteLine($"load average after: {LoadAverage()}");
        return 0;
    }

    private static void Summarize(string label, List<(double Baseline, double Cymbio)> pairs)
    {
        var ratios = pairs.Select(static p => p.Cymbio / p.Baseline).ToList();
        Console.WriteLine(Invariant(
            $"  {label,-28} baseline {AnalyzerTelemetry.Median(pairs.Select(static p => p.Baseline)),6:F0} ms, cymbio {AnalyzerTelemetry.Median(pairs.Select(static p => p.Cymbio)),6:F0} ms, ")
            + Invariant($"difference {AnalyzerTelemetry.Median(pairs.Select(static p => p.Cymbio - p.Baseline)),5:F0} ms; ratio {AnalyzerTelemetry.Median(ratios):F3} (per round {ratios.Min():F3} to {ratios.Max():F3})"));
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "(unknown)";

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
