using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Cymbio.Tests.Shared;
using Cymbio.Tests.Shared.Roslyn;

namespace Cymbio.Benchmarks;

/// <summary>
/// The one place the benchmarks' input is built: a synthetic compilation of Refit interfaces annotated with
/// <c>[CymbioScope]</c>, the repository's <c>scopes.json</c>, and the generator drivers that run over them.
/// </summary>
public static class SyntheticCompilation
{
    /// <summary>Number of Refit interfaces in the synthetic compilation.</summary>
    public const int InterfaceCount = 200;

    /// <summary>Number of Refit methods per interface.</summary>
    public const int MethodsPerInterface = 10;

    /// <summary>Path of the syntax tree the incremental benchmarks edit; no generator is interested in it.</summary>
    public const string UnrelatedPath = "/synthetic/Unrelated.cs";

    /// <summary>The 14 Cymbio scopes, as declared in <c>scopes.json</c>.</summary>
    public static readonly string[] Scopes =
    {
        "read:channels", "read:inventory", "read:orders", "read:retailers", "read:suppliers", "read:variants", "read:warehouses",
        "write:fulfillments", "write:inventory", "write:orders", "write:retailers", "write:suppliers", "write:variants", "write:warehouses",
    };

    /// <summary>The first seven of <see cref="Scopes"/> are read: scopes, the last seven write: scopes.</summary>
    private const int ReadScopes = 7;

    private static readonly string[] Verbs = { "Get", "Post", "Put", "Delete" };

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<AdditionalText> LazyManifest = new(LoadManifest, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<Type> LazyRefitGeneratorType = new(LoadRefitGeneratorType, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Gets the metadata references of the synthetic compilation: the running shared framework, Refit and Cymbio.Client.</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>Gets the repository's <c>scopes.json</c> as an additional file.</summary>
    public static AdditionalText Manifest => LazyManifest.Value;

    /// <summary>Gets the type of Refit's own source generator, loaded from the Refit package.</summary>
    public static Type RefitGeneratorType => LazyRefitGeneratorType.Value;

    /// <summary>Gets the version of the Refit package the benchmarks reference, for example <c>16.4.0</c>.</summary>
    public static string RefitVersion { get; } =
        typeof(Refit.GetAttribute).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(Refit.GetAttribute).Assembly.GetName().Version!.ToString(3);

    /// <summary>
    /// The C# files of the synthetic project, as (path, text) pairs. With <paramref name="consumer"/>, the variant a
    /// consumer's build compiles without Cymbio diagnostics, which the generator benchmarks do not use: every method has
    /// a scope (no CYM0008), GETs need read: scopes and other verbs write: scopes (no CYM0010 or CYM0011 information
    /// messages, which the generator benchmarks' input has by the hundred), and the last method of every 40th interface
    /// (from the 6th on) overloads the one before it (<c>GetThing8Async</c> with a query parameter).
    /// </summary>
    public static IEnumerable<(string Path, string Text)> Sources(bool consumer = false)
    {
        yield return ("/synthetic/Models.cs", """
            namespace Synthetic.Api;

            public sealed class Thing
            {
                public long Id { get; set; }

                public string? Name { get; set; }
            }
            """);
        yield return (UnrelatedPath, UnrelatedSource(null));
        for (var i = 0; i < InterfaceCount; i++)
        {
            yield return (string.Create(CultureInfo.InvariantCulture, $"/synthetic/Api/IThings{i}Api.cs"), InterfaceSource(i, consumer, overload: consumer && i % 40 == 5));
        }
    }

    /// <summary>The unrelated file, optionally with an edit marker (a comment) so that it differs from the last version.</summary>
    public static string UnrelatedSource(int? edit) => edit is null
        ? "namespace Synthetic;\n\ninternal sealed class Unrelated { }\n"
        : string.Create(CultureInfo.InvariantCulture, $"namespace Synthetic;\n\n// edit {edit}\ninternal sealed class Unrelated {{ }}\n");

    /// <summary>Creates the synthetic compilation: parsed sources plus the .NET, Refit and Cymbio.Client references.</summary>
    public static CSharpCompilation Create() =>
        RoslynTestEnvironment.CreateCompilation("Synthetic.Api", Sources().Select(static source => (source.Text, source.Path)), LazyReferences.Value);

    /// <summary>Replaces the unrelated syntax tree with a version carrying <paramref name="edit"/> in a comment.</summary>
    public static CSharpCompilation WithUnrelatedEdit(CSharpCompilation compilation, int edit)
    {
        var old = compilation.SyntaxTrees.First(static tree => tree.FilePath == UnrelatedPath);
        var updated = CSharpSyntaxTree.ParseText(UnrelatedSource(edit), RoslynTestEnvironment.ParseOptions, UnrelatedPath, Encoding.UTF8);
        return compilation.ReplaceSyntaxTree(old, updated);
    }

    /// <summary>A fresh instance of Refit's <c>InterfaceStubGeneratorV2</c>.</summary>
    public static IIncrementalGenerator CreateRefitGenerator() => (IIncrementalGenerator)Activator.CreateInstance(RefitGeneratorType)!;

    /// <summary>A fresh driver for one generator, with <c>scopes.json</c> as its only additional file.</summary>
    public static GeneratorDriver CreateDriver(IIncrementalGenerator generator, bool trackSteps = false) =>
        RoslynTestEnvironment.CreateDriver(new[] { generator.AsSourceGenerator() }, new[] { Manifest }, trackSteps);

    /// <summary>Throws unless the compilation has no errors and the driver ran its generator cleanly, producing sources.</summary>
    public static void Validate(CSharpCompilation compilation, GeneratorDriver driver, int minimumGeneratedSources)
    {
        var errors = compilation.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The synthetic compilation has errors:\n" + string.Join("\n", errors.Take(10)));
        }

        var result = driver.GetRunResult();
        foreach (var generator in result.Results)
        {
            if (generator.Exception is not null)
            {
                throw new InvalidOperationException("The generator threw.", generator.Exception);
            }

            if (generator.GeneratedSources.Length < minimumGeneratedSources)
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{generator.Generator.GetGeneratorType().Name} generated {generator.GeneratedSources.Length} sources; expected at least {minimumGeneratedSources}."));
            }
        }

        var generatorErrors = result.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (generatorErrors.Count > 0)
        {
            throw new InvalidOperationException("The generator reported errors:\n" + string.Join("\n", generatorErrors.Take(10)));
        }
    }

    private static string InterfaceSource(int i, bool consumer, bool overload)
    {
        // Three shapes, in turn: scope on the interface only; scopes on methods only; both (methods override some).
        var shape = i % 3;
        var b = new StringBuilder();
        // Thing lives in the enclosing namespace Synthetic.Api.
        b.Append("using System.Threading.Tasks;\nusing Cymbio;\nusing Refit;\n\n");
        b.Append(CultureInfo.InvariantCulture, $"namespace Synthetic.Api.Area{i % 10};\n\n");
        if (shape != 1)
        {
            // A consumer's interface default is a read: scope, which its writes override (as in the README).
            b.Append(CultureInfo.InvariantCulture, $"[CymbioScope(\"{(consumer ? Scopes[i % ReadScopes] : Scopes[i % Scopes.Length])}\")]\n");
        }

        b.Append(CultureInfo.InvariantCulture, $"public interface IThings{i}Api\n{{\n");
        for (var j = 0; j < MethodsPerInterface; j++)
        {
            // The overload: the last method takes the name of the one before it (a GET) and adds a query parameter.
            var overloads = overload && j == MethodsPerInterface - 1;
            var verb = overloads ? Verbs[(j - 1) % Verbs.Length] : Verbs[j % Verbs.Length];
            var route = j < Verbs.Length
                ? string.Create(CultureInfo.InvariantCulture, $"/v3/suppliers/{{supplierId}}/things{i}/{{id}}")
                : string.Create(CultureInfo.InvariantCulture, $"/v3/suppliers/{{supplierId}}/things{i}/{{id}}/part{j}");
            if (j > 0)
            {
                b.Append('\n');
            }

            b.Append(CultureInfo.InvariantCulture, $"    [{verb}(\"{route}\")]\n");
            var (methodScope, secondScope) = consumer
                ? ConsumerScopes(shape, verb, i + j)
                : (shape switch
                {
                    1 => j % 5 == 4 ? null : Scopes[(i + j) % Scopes.Length],
                    2 => j % 2 == 1 ? Scopes[7 + ((i + j) % 7)] : null,
                    _ => null,
                }, Scopes[(i + j + 1) % Scopes.Length]);
            if (methodScope is not null)
            {
                if (j % 3 == 0)
                {
                    // Two scopes in one attribute (params).
                    b.Append(CultureInfo.InvariantCulture, $"    [CymbioScope(\"{methodScope}\", \"{secondScope}\")]\n");
                }
                else
                {
                    b.Append(CultureInfo.InvariantCulture, $"    [CymbioScope(\"{methodScope}\")]\n");
                }
            }

            b.Append(verb switch
            {
                "Get" when overloads => FormattableString.Invariant($"    Task<Thing> GetThing{j - 1}Async(long supplierId, long id, [Query] int page);\n"),
                "Get" => FormattableString.Invariant($"    Task<Thing> GetThing{j}Async(long supplierId, long id);\n"),
                "Post" => FormattableString.Invariant($"    Task<Thing> CreateThing{j}Async(long supplierId, long id, [Body] Thing body);\n"),
                "Put" => FormattableString.Invariant($"    Task UpdateThing{j}Async(long supplierId, long id, [Body] Thing body);\n"),
                _ => FormattableString.Invariant($"    Task DeleteThing{j}Async(long supplierId, long id);\n"),
            });
        }

        b.Append("}\n");
        return b.ToString();
    }

    /// <summary>
    /// A consumer's method-level scopes, as its analyzers expect them (no CYM0010 or CYM0011): a GET needs read: scopes,
    /// any other verb a write: scope. Methods-only interfaces (shape 1) scope every method; the others inherit their
    /// read: default for GETs and override it for every other verb.
    /// </summary>
    private static (string? Scope, string Second) ConsumerScopes(int shape, string verb, int k)
    {
        if (verb == "Get")
        {
            return (shape == 1 ? Scopes[k % ReadScopes] : null, Scopes[(k + 1) % ReadScopes]);
        }

        return (Scopes[ReadScopes + (k % ReadScopes)], Scopes[ReadScopes + ((k + 1) % ReadScopes)]);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The runtime's own assemblies (implementation assemblies are fine for compiling), then Cymbio.Client and Refit.
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.EnumerateFiles(runtimeDirectory, "*.dll")
            .Where(IsManagedAssembly)
            .OrderBy(static path => path, StringComparer.Ordinal)
            .Select(static path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(RoslynTestEnvironment.CymbioClient)
            .Append(RoslynTestEnvironment.Refit)
            .ToImmutableArray();
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            return reader.HasMetadata && reader.GetMetadataReader().IsAssembly;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static AdditionalText LoadManifest()
    {
        // scopes.json is copied next to the benchmarks; otherwise walk up to the repository root.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "scopes.json");
            if (File.Exists(candidate))
            {
                return new InMemoryAdditionalText(candidate, File.ReadAllText(candidate));
            }
        }

        throw new FileNotFoundException("scopes.json was found neither beside the benchmarks nor in a parent directory.", "scopes.json");
    }

    private static Type LoadRefitGeneratorType()
    {
        var path = RefitGeneratorCandidates().FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                "Refit's InterfaceStubGeneratorV2.dll was not found. Looked in:\n" + string.Join("\n", RefitGeneratorCandidates()));
        var assembly = Assembly.LoadFrom(path);
        return assembly.GetType("Refit.Generator.InterfaceStubGeneratorV2", throwOnError: true)!;
    }

    private static IEnumerable<string> RefitGeneratorCandidates()
    {
        const string relative = "analyzers/dotnet/roslyn4.8/cs/InterfaceStubGeneratorV2.dll";

        // 1. The package folder MSBuild restored Refit to (GeneratePathProperty), recorded at build time.
        var recorded = typeof(SyntheticCompilation).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(static a => a.Key == "RefitPackageFolder")?.Value;
        if (!string.IsNullOrEmpty(recorded))
        {
            yield return Path.Combine(recorded, relative);
        }

        // 2. The NuGet global packages folder.
        yield return Path.Combine(PackageFeed.GlobalPackagesFolder, "refit", RefitVersion, relative);
    }
}
