using BenchmarkDotNet.Attributes;
using Cymbio.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cymbio.Benchmarks;

/// <summary>
/// A first run of each generator over the synthetic project (<see cref="SyntheticCompilation"/>): a fresh driver and a
/// fresh clone of the compilation per invocation, so neither generator reuses caches or bound symbols from a previous run.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class GeneratorColdRun
{
    private CSharpCompilation _compilation = null!;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = SyntheticCompilation.Create();

        // One checked run of each, on a clone, so that the measured runs start from an unbound compilation.
        SyntheticCompilation.Validate(_compilation.Clone(), RefitStubGenerator(), SyntheticCompilation.InterfaceCount);
        SyntheticCompilation.Validate(_compilation.Clone(), CymbioScopeGenerator(), SyntheticCompilation.InterfaceCount + 1);
    }

    /// <summary>Refit's <c>InterfaceStubGeneratorV2</c> from the Refit package.</summary>
    [Benchmark(Baseline = true)]
    public GeneratorDriver RefitStubGenerator() =>
        SyntheticCompilation.CreateDriver(SyntheticCompilation.CreateRefitGenerator()).RunGenerators(_compilation.Clone());

    /// <summary>Cymbio's <see cref="ScopeGenerator"/>.</summary>
    [Benchmark]
    public GeneratorDriver CymbioScopeGenerator() =>
        SyntheticCompilation.CreateDriver(new ScopeGenerator()).RunGenerators(_compilation.Clone());
}
