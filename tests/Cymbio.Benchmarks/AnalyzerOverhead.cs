using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Cymbio.Analyzers;
using Cymbio.Generators;
using Cymbio.Tests.Shared;
using Cymbio.Tests.Shared.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Microsoft.CodeAnalysis.Emit;

namespace Cymbio.Benchmarks;

/// <summary>
/// The cost of Cymbio's analyzers in a build: per invocation a fresh clone of the synthetic application
/// (<see cref="AnalyzerProject"/>, 5,000 scoped call sites, generators already run) is compiled — compiler diagnostics,
/// then emit of the assembly and its portable PDB — once without analyzers (baseline), once with an analyzer that
/// subscribes to every operation block and does nothing (the price of any operation-based analyzer run through
/// <see cref="CompilationWithAnalyzers"/>: its compiler pass on its own copy of the compilation, the compilation events,
/// semantic models and operation trees), and once with Cymbio's three analyzers.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class AnalyzerOverhead
{
    private CSharpCompilation _compilation = null!;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = AnalyzerProject.Create();
        AnalyzerProject.Validate(_compilation);
    }

    /// <summary>What the compiler does without analyzers: all compiler diagnostics, then emit.</summary>
    [Benchmark(Baseline = true)]
    public int Compile() => AnalyzerProject.Compile((CSharpCompilation)_compilation.Clone());

    /// <summary>The same with an analyzer that registers operation-block and invocation actions and does nothing.</summary>
    [Benchmark]
    public Task<int> CompileWithEmptyOperationAnalyzer() =>
        AnalyzerProject.CompileWithAnalyzersAsync((CSharpCompilation)_compilation.Clone(), ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyOperationAnalyzer()));

    /// <summary>The same with ScopeCallAnalyzer, CredentialAnalyzer and ScopeDeclarationAnalyzer (scopes.json as additional file).</summary>
    [Benchmark]
    public Task<int> CompileWithCymbioAnalyzers() =>
        AnalyzerProject.CompileWithAnalyzersAsync((CSharpCompilation)_compilation.Clone(), AnalyzerProject.CymbioAnalyzers());
}

/// <summary>
/// The analyzer-overhead input: a synthetic application of <see cref="InterfaceCount"/> scoped Refit interfaces and
/// <see cref="ClassCount"/> classes making <see cref="CallSites"/> scoped calls through every grant source the call-site
/// analyzer traces, with a known number of calls (<see cref="ExpectedMissingScopes"/>) lacking a scope.
/// </summary>
public static class AnalyzerProject
{
    /// <summary>Number of scoped Refit interfaces.</summary>
    public const int InterfaceCount = 50;

    /// <summary>Number of methods per interface: even ones <c>[Get]</c> (the interface's read scope), odd ones <c>[Put]</c> (a write scope).</summary>
    public const int MethodsPerInterface = 10;

    /// <summary>Number of classes making calls.</summary>
    public const int ClassCount = 100;

    /// <summary>Number of methods per class.</summary>
    public const int MethodsPerClass = 5;

    /// <summary>Number of scoped calls per method: each method of the interface once.</summary>
    public const int CallsPerMethod = MethodsPerInterface;

    /// <summary>Number of scoped call sites in the project.</summary>
    public const int CallSites = ClassCount * MethodsPerClass * CallsPerMethod;

    /// <summary>Resources with both a read and a write scope in <c>scopes.json</c>.</summary>
    private static readonly string[] Resources = { "inventory", "orders", "retailers", "suppliers", "variants", "warehouses" };

    private static readonly Lazy<(ImmutableArray<(string Path, string Text)> Sources, int Missing)> LazySources =
        new(BuildSources, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences =
        new(LoadReferences, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Gets the number of calls whose grants lack a required scope (CYM0012), counted while the sources are written.</summary>
    public static int ExpectedMissingScopes => LazySources.Value.Missing;

    /// <summary>Gets the C# files of the project, as (path, text) pairs.</summary>
    public static ImmutableArray<(string Path, string Text)> Sources => LazySources.Value.Sources;

    /// <summary>Gets the options the analyzers receive: <c>scopes.json</c> as the only additional file.</summary>
    public static AnalyzerOptions AnalyzerOptions { get; } = new(ImmutableArray.Create(SyntheticCompilation.Manifest));

    /// <summary>Fresh instances of the three Cymbio analyzers, as a build creates them.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> CymbioAnalyzers() =>
        ImmutableArray.Create<DiagnosticAnalyzer>(new ScopeCallAnalyzer(), new CredentialAnalyzer(), new ScopeDeclarationAnalyzer());

    /// <summary>
    /// Parses the project and runs both of its source generators — Cymbio's <see cref="ScopeGenerator"/> and Refit's
    /// <c>InterfaceStubGeneratorV2</c> — so that the result is the compilation the compiler and the analyzers see.
    /// </summary>
    public static CSharpCompilation Create()
    {
        var compilation = RoslynTestEnvironment.CreateCompilation("Synthetic.App", Sources.Select(static source => (source.Text, source.Path)), LazyReferences.Value)
            .WithOptions(RoslynTestEnvironment.CompilationOptions.WithOptimizationLevel(OptimizationLevel.Release));
        var driver = RoslynTestEnvironment.CreateDriver(
            new[] { new ScopeGenerator().AsSourceGenerator(), SyntheticCompilation.CreateRefitGenerator().AsSourceGenerator() },
            new[] { SyntheticCompilation.Manifest });
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        foreach (var result in driver.GetRunResult().Results)
        {
            if (result.Exception is not null)
            {
                throw new InvalidOperationException($"{result.Generator.GetGeneratorType().Name} threw.", result.Exception);
            }
        }

        var generatorErrors = generatorDiagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (generatorErrors.Count > 0)
        {
            throw new InvalidOperationException("The generators reported errors:\n" + string.Join("\n", generatorErrors.Take(10)));
        }

        return (CSharpCompilation)output;
    }

    /// <summary>The baseline operation: compiler diagnostics, then emit of the assembly and its portable PDB.</summary>
    public static int Compile(CSharpCompilation compilation)
    {
        var diagnostics = compilation.GetDiagnostics();
        return diagnostics.Length + Emit(compilation);
    }

    /// <summary>
    /// The operation with analyzers: compiler and analyzer diagnostics through <see cref="CompilationWithAnalyzers"/>
    /// (which computes the compiler diagnostics on its own copy of the compilation, feeding its analyzers from the
    /// compiler's events), then emit.
    /// </summary>
    public static async Task<int> CompileWithAnalyzersAsync(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var withAnalyzers = compilation.WithAnalyzers(analyzers, AnalyzerOptions);
        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        return diagnostics.Length + Emit(compilation);
    }

    /// <summary>Emits the assembly and its portable PDB to memory; throws if emit fails. Returns the size of the assembly.</summary>
    public static int Emit(CSharpCompilation compilation)
    {
        using var peStream = new MemoryStream();
        using var pdbStream = new MemoryStream();
        var result = compilation.Emit(peStream, pdbStream, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        if (!result.Success)
        {
            throw new InvalidOperationException("Emit failed:\n" + string.Join("\n", result.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).Take(10)));
        }

        return (int)peStream.Length;
    }

    /// <summary>
    /// Throws unless the compilation has no compiler errors and Cymbio's analyzers, run once, report exactly
    /// <see cref="ExpectedMissingScopes"/> CYM0012 and nothing else above Info, without crashing; so a benchmark never measures an
    /// analyzer that found nothing to do. Returns the analyzer diagnostics.
    /// </summary>
    public static ImmutableArray<Diagnostic> Validate(CSharpCompilation compilation)
    {
        var compiler = compilation.Clone().GetDiagnostics();
        var errors = compiler.Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The synthetic application has compile errors:\n" + string.Join("\n", errors.Take(10)));
        }

        var generated = compilation.SyntaxTrees.Count() - Sources.Length;
        if (generated < InterfaceCount * 2)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The generators added {generated} files; expected at least {InterfaceCount * 2}."));
        }

        var exceptions = new List<string>();
        var analysisOptions = new CompilationWithAnalyzersOptions(
            AnalyzerOptions,
            onAnalyzerException: (exception, analyzer, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add($"{analyzer.GetType().Name}: {exception}");
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var analyzerDiagnostics = compilation.Clone().WithAnalyzers(CymbioAnalyzers(), analysisOptions).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (exceptions.Count > 0)
        {
            throw new InvalidOperationException("An analyzer threw:\n" + string.Join("\n", exceptions));
        }

        var missing = analyzerDiagnostics.Count(static d => d.Id == CallSiteDiagnosticIds.MissingScopes);
        var unexpected = analyzerDiagnostics
            .Where(static d => d.Id != CallSiteDiagnosticIds.MissingScopes && d.Severity > DiagnosticSeverity.Info)
            .ToList();
        if (missing != ExpectedMissingScopes || unexpected.Count > 0)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"Expected {ExpectedMissingScopes} {CallSiteDiagnosticIds.MissingScopes} and no other warning; the analyzers reported {missing} {CallSiteDiagnosticIds.MissingScopes} and:\n")
                + string.Join("\n", unexpected.Take(10)));
        }

        var warnings = compiler.Count(static d => d.Severity == DiagnosticSeverity.Warning);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// AnalyzerProject: {Sources.Length} source files + {generated} generated, {CallSites} scoped call sites; compiler warnings: {warnings}; analyzer diagnostics: {Histogram(analyzerDiagnostics)}"));
        return analyzerDiagnostics;
    }

    /// <summary>
    /// Writes the project to <paramref name="directory"/> as an SDK project that references this repository's
    /// Cymbio.Client, generator and analyzers (as the analyzer build sample does), for a real build:
    /// <c>dotnet build -c Release -p:ReportAnalyzer=true</c>; <c>-p:CymbioAnalyzers=false</c> leaves out Cymbio.Analyzers.
    /// </summary>
    public static void WriteProject(string directory)
    {
        var root = Repository.Root;
        WriteSources(directory, Sources);
        File.WriteAllText(Path.Combine(directory, "scopes.json"), SyntheticCompilation.Manifest.GetText()!.ToString());
        var refit = SyntheticCompilation.RefitVersion;
        File.WriteAllText(Path.Combine(directory, "Synthetic.App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">

              <!-- Written by the benchmarks' write-analyzer-project mode (tests/Cymbio.Benchmarks, AnalyzerOverhead.cs). -->
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <CymbioAnalyzers Condition="'$(CymbioAnalyzers)' == ''">true</CymbioAnalyzers>
              </PropertyGroup>

              <ItemGroup>
                <PackageReference Include="Refit" Version="{refit}" />
                <ProjectReference Include="{root}/src/Cymbio.Client/Cymbio.Client.csproj" />
                <ProjectReference Include="{root}/generators/Cymbio.Generators/Cymbio.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" PrivateAssets="all" />
                <ProjectReference Include="{root}/analyzers/Cymbio.Analyzers/Cymbio.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" PrivateAssets="all" Condition="'$(CymbioAnalyzers)' == 'true'" />
                <AdditionalFiles Include="scopes.json" />
              </ItemGroup>

            </Project>

            """);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {Sources.Length} files, scopes.json and Synthetic.App.csproj to {Path.GetFullPath(directory)}"));
    }

    /// <summary>Writes each (path, text) pair below <paramref name="directory"/>, the path taken as relative to it.</summary>
    public static void WriteSources(string directory, IEnumerable<(string Path, string Text)> sources)
    {
        foreach (var (path, text) in sources)
        {
            var target = Path.Combine(directory, path.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, text);
        }
    }

    /// <summary>Diagnostic counts by id, for example <c>CYM0012 ×250</c>.</summary>
    public static string Histogram(IEnumerable<Diagnostic> diagnostics)
    {
        var groups = diagnostics.GroupBy(static d => d.Id).OrderBy(static g => g.Key, StringComparer.Ordinal).Select(static g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} ×{g.Count()}")).ToList();
        return groups.Count == 0 ? "none" : string.Join(", ", groups);
    }

    private static (ImmutableArray<(string Path, string Text)> Sources, int Missing) BuildSources()
    {
        var sources = ImmutableArray.CreateBuilder<(string Path, string Text)>();
        sources.Add(("/app/Models.cs", "namespace Synthetic.Api;\n\npublic sealed class Thing\n{\n    public long Id { get; set; }\n\n    public string? Name { get; set; }\n}\n"));

        // Level 3 of the grant lookup for calls that nothing nearer serves: every scope the interfaces use.
        var all = string.Join(", ", Resources.SelectMany(static r => new[] { $"\"read:{r}\"", $"\"write:{r}\"" }));
        sources.Add(("/app/AssemblyInfo.cs", $"using Cymbio;\n\n[assembly: CymbioGrants({all})]\n"));

        for (var i = 0; i < InterfaceCount; i++)
        {
            sources.Add((Invariant($"/app/Api/IResource{i}Api.cs"), InterfaceSource(i)));
        }

        var missing = 0;
        for (var k = 0; k < ClassCount; k++)
        {
            var (name, text, classMissing) = ClassSource(k);
            sources.Add((Invariant($"/app/Group{k % 10}/{name}.cs"), text));
            missing += classMissing;
        }

        return (sources.ToImmutable(), missing);
    }

    private static string Resource(int i) => Resources[i % Resources.Length];

    private static string InterfaceSource(int i)
    {
        var resource = Resource(i);
        var b = new StringBuilder();
        b.Append("using System.Threading.Tasks;\nusing Cymbio;\nusing Refit;\n\nnamespace Synthetic.Api;\n\n");
        b.Append(Invariant($"[CymbioScope(\"read:{resource}\")]\npublic interface IResource{i}Api\n{{\n"));
        for (var j = 0; j < MethodsPerInterface; j++)
        {
            if (j > 0)
            {
                b.Append('\n');
            }

            var route = Invariant($"/v3/{resource}{i}/items{j}/{{id}}");
            b.Append(j % 2 == 0
                ? Invariant($"    [Get(\"{route}\")]\n    Task<Thing> GetItem{j}Async(long id);\n")
                : Invariant($"    [Put(\"{route}\")]\n    [CymbioScope(\"write:{resource}\")]\n    Task UpdateItem{j}Async(long id, [Body] Thing body);\n"));
        }

        b.Append("}\n");
        return b.ToString();
    }

    /// <summary>
    /// One class of five kinds, in turn: calls through a client created from local options; through fields set in the
    /// constructor; in methods under <c>[CymbioGrants]</c>; in lambdas under a type-level <c>[CymbioGrants]</c>; and
    /// through parameters served by the assembly's grants. In every other class, method 4 lacks the write scope.
    /// </summary>
    private static (string Name, string Text, int Missing) ClassSource(int k)
    {
        var api = Invariant($"IResource{k % InterfaceCount}Api");
        var resource = Resource(k % InterfaceCount);
        var read = $"\"read:{resource}\"";
        var write = $"\"write:{resource}\"";
        var readWrite = $"{read}, {write}";
        var deficientMethod = k % 2 == 0 ? MethodsPerClass - 1 : -1;
        var kind = k % 5;
        var b = new StringBuilder();
        b.Append("using System;\nusing System.Threading.Tasks;\nusing Cymbio;\nusing Synthetic.Api;\n\n");
        b.Append(Invariant($"namespace Synthetic.App.Group{k % 10};\n\n"));
        string name;
        switch (kind)
        {
            case 0:
                name = Invariant($"OptionsClient{k}");
                b.Append(Invariant($"public sealed class {name}\n{{\n"));
                for (var m = 0; m < MethodsPerClass; m++)
                {
                    Separate(b, m);
                    b.Append(Invariant($"    public async Task Run{m}Async()\n    {{\n"));
                    if (m == deficientMethod)
                    {
                        b.Append(Invariant($"        var options = new CymbioClientOptions {{ ClientId = \"client\", ClientSecret = \"secret\", Grants = {{ {read} }} }};\n"));
                    }
                    else if (m == 1)
                    {
                        b.Append(Invariant($"        var options = new CymbioClientOptions {{ ClientId = \"client\", ClientSecret = \"secret\", Grants = {{ {read} }} }};\n"));
                        b.Append(Invariant($"        options.Grants.Add({write});\n"));
                    }
                    else
                    {
                        b.Append(Invariant($"        var options = new CymbioClientOptions {{ ClientId = \"client\", ClientSecret = \"secret\", Grants = {{ {readWrite} }} }};\n"));
                    }

                    b.Append(Invariant($"        using var client = new CymbioClient(options);\n        var api = client.Create<{api}>();\n"));
                    for (var j = 0; j < CallsPerMethod; j++)
                    {
                        // One call per method in a lambda that captures the traced local.
                        b.Append(j == CallsPerMethod - 2
                            ? Invariant($"        Func<Task> later = () => {Call("api", j)};\n        await later();\n")
                            : Invariant($"        await {Call("api", j)};\n"));
                    }

                    b.Append("    }\n");
                }

                break;

            case 1:
                name = Invariant($"FieldClient{k}");
                b.Append(Invariant($"public sealed class {name}\n{{\n    private readonly CymbioClient _client;\n    private readonly {api} _api;\n"));
                if (deficientMethod >= 0)
                {
                    b.Append(Invariant($"    private readonly CymbioClient _readOnlyClient;\n    private readonly {api} _readOnlyApi;\n"));
                }

                b.Append(Invariant($"\n    public {name}()\n    {{\n"));
                b.Append(Invariant($"        var options = new CymbioClientOptions {{ ClientId = \"client\", ClientSecret = \"secret\", Grants = {{ {readWrite} }} }};\n"));
                b.Append(Invariant($"        _client = new CymbioClient(options);\n        _api = _client.Create<{api}>();\n"));
                if (deficientMethod >= 0)
                {
                    b.Append(Invariant($"        _readOnlyClient = new CymbioClient(new CymbioClientOptions {{ ClientId = \"client\", ClientSecret = \"secret\", Grants = {{ {read} }} }});\n"));
                    b.Append(Invariant($"        _readOnlyApi = _readOnlyClient.Create<{api}>();\n"));
                }

                b.Append("    }\n");
                for (var m = 0; m < MethodsPerClass; m++)
                {
                    b.Append(Invariant($"\n    public async Task Run{m}Async()\n    {{\n"));
                    var field = m == deficientMethod ? "_readOnlyApi" : "_api";
                    for (var j = 0; j < CallsPerMethod; j++)
                    {
                        b.Append(Invariant($"        await {Call(field, j)};\n"));
                    }

                    b.Append("    }\n");
                }

                break;

            case 2:
                name = Invariant($"GrantedHandler{k}");
                b.Append(Invariant($"public sealed class {name}\n{{\n"));
                for (var m = 0; m < MethodsPerClass; m++)
                {
                    Separate(b, m);
                    b.Append(Invariant($"    [CymbioGrants({(m == deficientMethod ? read : readWrite)})]\n    public async Task Run{m}Async({api} api)\n    {{\n"));
                    for (var j = 0; j < CallsPerMethod; j++)
                    {
                        b.Append(Invariant($"        await {Call("api", j)};\n"));
                    }

                    b.Append("    }\n");
                }

                break;

            case 3:
                name = Invariant($"LambdaHandlers{k}");
                b.Append(Invariant($"[CymbioGrants({readWrite})]\npublic sealed class {name}\n{{\n"));
                for (var m = 0; m < MethodsPerClass; m++)
                {
                    Separate(b, m);
                    if (m == deficientMethod)
                    {
                        b.Append(Invariant($"    [CymbioGrants({read})]\n"));
                    }

                    b.Append(Invariant($"    public Func<{api}, Task>[] Handlers{m}() => new Func<{api}, Task>[]\n    {{\n"));
                    for (var j = 0; j < CallsPerMethod; j++)
                    {
                        b.Append(Invariant($"        api => {Call("api", j)},\n"));
                    }

                    b.Append("    };\n");
                }

                break;

            default:
                name = Invariant($"AssemblyGrantedJob{k}");
                b.Append(Invariant($"public sealed class {name}\n{{\n"));
                for (var m = 0; m < MethodsPerClass; m++)
                {
                    Separate(b, m);
                    if (m == deficientMethod)
                    {
                        // A requirement propagated to the callers: the calls inside may use only read.
                        b.Append(Invariant($"    [CymbioScope({read})]\n"));
                    }

                    b.Append(Invariant($"    public async Task Run{m}Async({api} api)\n    {{\n"));
                    for (var j = 0; j < CallsPerMethod; j++)
                    {
                        // The first call is a method group (a delegate creation), the rest invocations.
                        b.Append(j == 0
                            ? Invariant($"        Func<long, Task<Thing>> get = api.GetItem0Async;\n        await get(0);\n")
                            : Invariant($"        await {Call("api", j)};\n"));
                    }

                    b.Append("    }\n");
                }

                break;
        }

        b.Append("}\n");

        // The deficient method's write calls (odd j) lack the write scope; everything else is covered.
        var missing = deficientMethod >= 0 ? CallsPerMethod / 2 : 0;
        return (name, b.ToString(), missing);
    }

    private static void Separate(StringBuilder b, int m)
    {
        if (m > 0)
        {
            b.Append('\n');
        }
    }

    private static string Call(string receiver, int j) => j % 2 == 0
        ? Invariant($"{receiver}.GetItem{j}Async({j})")
        : Invariant($"{receiver}.UpdateItem{j}Async({j}, new Thing())");

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static ImmutableArray<MetadataReference> LoadReferences() => SyntheticCompilation.References.AddRange(RoslynTestEnvironment.ClientDependencies);
}

/// <summary>
/// An analyzer that asks for every operation block and invocation and does nothing with them: what the compiler pays
/// for any operation-based analyzer (compilation events, semantic models, operation trees) before the analyzer's own work.
/// </summary>
/// <remarks>
/// It lives here, in a .NET 10 executable without release tracking, because no compiler ever loads it: the benchmark
/// instantiates it (RS1036, RS1041 and RS2008 are about analyzers that ship).
/// </remarks>
#pragma warning disable RS1036, RS1041, RS2008
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyOperationAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "BENCH0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationBlockStartAction(static block => block.RegisterOperationAction(static _ => { }, OperationKind.Invocation));
    }
}
#pragma warning restore RS1036, RS1041, RS2008

/// <summary>
/// The second, independent figure: <c>dotnet run -c Release --project tests/Cymbio.Benchmarks -- --analyzer-telemetry</c>
/// runs Cymbio's analyzers with <c>logAnalyzerExecutionTime: true</c> (the figure <c>-p:ReportAnalyzer=true</c> reports)
/// and prints each analyzer's execution time next to the compile time of the same compilation measured with a stopwatch.
/// Every round measures everything once, interleaved, so that all figures of a round see the same machine load; the
/// wall time of the analysis with Cymbio's analyzers is paired with that of <see cref="EmptyOperationAnalyzer"/>.
/// </summary>
public static class AnalyzerTelemetry
{
    private const int WarmupRounds = 5;

    /// <summary>The rounds when none are given: enough for a median on a quiet machine; give more (21) under load.</summary>
    public const int DefaultRounds = 9;

    public static async Task<int> RunAsync(int rounds)
    {
        var compilation = AnalyzerProject.Create();
        AnalyzerProject.Validate(compilation);
        var names = AnalyzerProject.CymbioAnalyzers().Select(static a => a.GetType().Name).ToArray();

        // Warm-up: tiered JIT of the compiler, the driver and the analyzers (the first rounds run at tier 0, much slower).
        for (var warmup = 0; warmup < WarmupRounds; warmup++)
        {
            AnalyzerProject.Compile((CSharpCompilation)compilation.Clone());
            await AnalyzeAsync(compilation, empty: true).ConfigureAwait(false);
            await AnalyzeAsync(compilation, empty: false).ConfigureAwait(false);
        }

        var getDiagnostics = new List<Cost>();
        var emit = new List<Cost>();
        var compile = new List<Cost>();
        var empty = new List<Cost>();
        var cymbio = new List<Cost>();
        var sequential = new List<double>();
        var perAnalyzer = names.ToDictionary(static n => n, static _ => new List<double>(), StringComparer.Ordinal);
        for (var round = 1; round <= rounds; round++)
        {
            getDiagnostics.Add(Measure(() => compilation.Clone().GetDiagnostics()));
            emit.Add(Measure(() => AnalyzerProject.Emit((CSharpCompilation)compilation.Clone())));
            compile.Add(Measure(() => AnalyzerProject.Compile((CSharpCompilation)compilation.Clone())));

            // The two analyses in alternating order, so that a drift in load does not favour one of them.
            List<(DiagnosticAnalyzer Analyzer, AnalyzerTelemetryInfo Info)> telemetry = null!;
            for (var i = 0; i < 2; i++)
            {
                if ((i == 0) == (round % 2 == 1))
                {
                    empty.Add(Measure(() => AnalyzeAsync(compilation, empty: true).GetAwaiter().GetResult()));
                }
                else
                {
                    cymbio.Add(Measure(() => telemetry = AnalyzeAsync(compilation, empty: false).GetAwaiter().GetResult()));
                }
            }

            foreach (var (analyzer, info) in telemetry)
            {
                perAnalyzer[analyzer.GetType().Name].Add(info.ExecutionTime.TotalMilliseconds);
            }

            // The same analysis on one thread: no sibling analysis thread competes for the two cores while a callback
            // runs, so its stopwatch counts the callback's own work (and the GC pauses that fall into it).
            List<(DiagnosticAnalyzer Analyzer, AnalyzerTelemetryInfo Info)> sequentialTelemetry = null!;
            Measure(() => sequentialTelemetry = AnalyzeAsync(compilation, empty: false, concurrent: false).GetAwaiter().GetResult());
            sequential.Add(sequentialTelemetry.Sum(static t => t.Info.ExecutionTime.TotalMilliseconds));

            Console.WriteLine(
                Invariant($"round {round} (wall/CPU ms): GetDiagnostics {getDiagnostics[^1]}, Emit {emit[^1]}, GetDiagnostics+Emit {compile[^1]}; ")
                + Invariant($"GetAnalyzerDiagnosticsAsync: empty analyzer {empty[^1]}, Cymbio analyzers {cymbio[^1]} (GC pauses {cymbio[^1].GcPause:F0} ms); execution time: ")
                + string.Join(", ", names.Select(n => Invariant($"{n} {perAnalyzer[n][^1]:F1} ms")))
                + Invariant($"; all three in a sequential analysis {sequential[^1]:F1} ms"));
        }

        var compileWall = Median(compile.Select(static c => c.Wall));
        var compileCpu = Median(compile.Select(static c => c.Cpu));
        Console.WriteLine();
        Console.WriteLine(Invariant($"Synthetic application: {AnalyzerProject.CallSites} scoped call sites, {AnalyzerProject.ExpectedMissingScopes} of them lacking a scope; medians of {rounds} rounds (wall / process CPU):"));
        Print("compile = GetDiagnostics + Emit", compile, compileWall, compileCpu);
        Print("GetDiagnostics alone", getDiagnostics, compileWall, compileCpu);
        Print("Emit alone (one pass, as csc)", emit, compileWall, compileCpu);
        Print("analysis, empty analyzer", empty, compileWall, compileCpu);
        Print("analysis, Cymbio analyzers", cymbio, compileWall, compileCpu);
        Print("Cymbio minus empty, paired per round", cymbio.Zip(empty, static (c, e) => new Cost(c.Wall - e.Wall, c.Cpu - e.Cpu)).ToList(), compileWall, compileCpu);
        var total = 0.0;
        foreach (var name in names)
        {
            var median = Median(perAnalyzer[name]);
            total += median;
            Console.WriteLine(Invariant($"  execution time {name,-30}{median,8:F1} ms = {Percent(median, compileWall)} of compile wall, {Percent(median, compileCpu)} of compile CPU"));
        }

        Console.WriteLine(Invariant($"  execution time, all three                    {total,8:F1} ms = {Percent(total, compileWall)} of compile wall, {Percent(total, compileCpu)} of compile CPU (target: <= 3 %)"));

        // Paired within each round (the three analyzers' time over that round's compile CPU), so a drift in load between
        // rounds moves both sides: the median of these shares is the figure least moved by other work on the machine.
        var shares = Enumerable.Range(0, rounds).Select(r => 100 * names.Sum(n => perAnalyzer[n][r]) / compile[r].Cpu).ToList();
        Console.WriteLine(Invariant($"  all three per round, of that round's compile CPU: median {Median(shares):F1} %, rounds {string.Join(" ", shares.OrderBy(static v => v).Select(static v => v.ToString("F1", CultureInfo.InvariantCulture)))}"));
        var sequentialShares = Enumerable.Range(0, rounds).Select(r => 100 * sequential[r] / compile[r].Cpu).ToList();
        Console.WriteLine(Invariant($"  all three, sequential analysis (concurrentAnalysis: false): median {Median(sequential):F1} ms = {Median(sequentialShares):F1} % of that round's compile CPU, rounds {string.Join(" ", sequentialShares.OrderBy(static v => v).Select(static v => v.ToString("F1", CultureInfo.InvariantCulture)))}"));
        return 0;
    }

    private static void Print(string label, List<Cost> costs, double compileWall, double compileCpu)
    {
        var wall = Median(costs.Select(static c => c.Wall));
        var cpu = Median(costs.Select(static c => c.Cpu));
        Console.WriteLine(Invariant($"  {label,-43}{wall,8:F0} / {cpu,6:F0} ms = {Percent(wall, compileWall)} / {Percent(cpu, compileCpu)} of compile"));
    }

    /// <summary>
    /// Runs Cymbio's three analyzers (or the empty analyzer) with execution-time logging on a fresh clone
    /// (<c>GetAnalyzerDiagnosticsAsync</c>); returns the analyzers' telemetry.
    /// </summary>
    private static async Task<List<(DiagnosticAnalyzer Analyzer, AnalyzerTelemetryInfo Info)>> AnalyzeAsync(CSharpCompilation compilation, bool empty, bool concurrent = true)
    {
        var options = new CompilationWithAnalyzersOptions(
            AnalyzerProject.AnalyzerOptions,
            onAnalyzerException: null,
            concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);
        var analyzers = empty ? ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyOperationAnalyzer()) : AnalyzerProject.CymbioAnalyzers();
        var withAnalyzers = compilation.Clone().WithAnalyzers(analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        var missing = diagnostics.Count(static d => d.Id == CallSiteDiagnosticIds.MissingScopes);
        var expected = empty ? 0 : AnalyzerProject.ExpectedMissingScopes;
        if (missing != expected)
        {
            throw new InvalidOperationException(Invariant($"Expected {expected} {CallSiteDiagnosticIds.MissingScopes}, got {missing}."));
        }

        var telemetry = new List<(DiagnosticAnalyzer, AnalyzerTelemetryInfo)>();
        foreach (var analyzer in withAnalyzers.Analyzers)
        {
            telemetry.Add((analyzer, await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false)));
        }

        return telemetry;
    }

    /// <summary>Wall-clock and whole-process CPU time of <paramref name="action"/> (CPU time is less sensitive to other load on the machine).</summary>
    private static Cost Measure(Action action)
    {
        // Every measurement starts on a collected heap (as BenchmarkDotNet's iterations do), so that a full collection
        // left over from the previous measurement does not pause this one: a pause during the analysis is counted in
        // the execution time of every analyzer callback it interrupts.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var paused = GC.GetTotalPauseDuration();
        var started = Stopwatch.GetTimestamp();
        action();
        var wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return new Cost(wall, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds, (GC.GetTotalPauseDuration() - paused).TotalMilliseconds);
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(static v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Percent(double part, double whole) => Invariant($"{100 * part / whole:F1} %");

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>Milliseconds of wall-clock and of process CPU time, and of the garbage collector's pauses within them.</summary>
    private readonly record struct Cost(double Wall, double Cpu, double GcPause = 0)
    {
        public override string ToString() => Invariant($"{Wall:F0}/{Cpu:F0}");
    }
}
