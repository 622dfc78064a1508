using BenchmarkDotNet.Attributes;
using Cymbio.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cymbio.Benchmarks;

/// <summary>
/// A re-run of each generator after an edit that concerns neither of them: the driver has already run once over the
/// synthetic project, and each invocation replaces the unrelated syntax tree with a new version (a comment carrying
/// the edit number, so that every invocation is a change) and runs the same driver again.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class GeneratorIncrementalRun
{
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _driver = null!;
    private int _edit;

    [GlobalSetup(Target = nameof(RefitStubGenerator))]
    public void SetupRefit() => Setup(SyntheticCompilation.CreateRefitGenerator(), SyntheticCompilation.InterfaceCount);

    [GlobalSetup(Target = nameof(CymbioScopeGenerator))]
    public void SetupCymbio() => Setup(new ScopeGenerator(), SyntheticCompilation.InterfaceCount + 1);

    /// <summary>Refit's <c>InterfaceStubGeneratorV2</c> from the Refit package.</summary>
    [Benchmark(Baseline = true)]
    public GeneratorDriver RefitStubGenerator() => RunAfterEdit();

    /// <summary>Cymbio's <see cref="ScopeGenerator"/>.</summary>
    [Benchmark]
    public GeneratorDriver CymbioScopeGenerator() => RunAfterEdit();

    private void Setup(IIncrementalGenerator generator, int expectedSources)
    {
        _compilation = SyntheticCompilation.Create();
        _driver = SyntheticCompilation.CreateDriver(generator).RunGenerators(_compilation);
        SyntheticCompilation.Validate(_compilation, _driver, expectedSources);
        _edit = 0;
    }

    private GeneratorDriver RunAfterEdit()
    {
        _compilation = SyntheticCompilation.WithUnrelatedEdit(_compilation, ++_edit);
        _driver = _driver.RunGenerators(_compilation);
        return _driver;
    }
}
