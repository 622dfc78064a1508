using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Cymbio.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cymbio.Benchmarks;

/// <summary>
/// The generator comparison (<see cref="GeneratorColdRun"/>, <see cref="GeneratorIncrementalRun"/>) as a paired,
/// interleaved loop in one process: each round runs Refit's generator and Cymbio's cold, then each incrementally after
/// an unrelated edit, so both see the same machine load. BenchmarkDotNet runs the two in separate processes one after
/// the other, which on a shared 2-core machine puts a change of load into the ratio. Reports per-round ratios of wall
/// time and of process CPU time (which another process's load disturbs less). Run with
/// <c>dotnet run -c Release --project tests/Cymbio.Benchmarks -- --generator-paired [rounds]</c>.
/// </summary>
public static class GeneratorPaired
{
    public const int DefaultRounds = 21;

    private const int WarmupRounds = 3;

    public static int Run(int rounds)
    {
        var compilation = SyntheticCompilation.Create();
        SyntheticCompilation.Validate(compilation.Clone(), SyntheticCompilation.CreateDriver(SyntheticCompilation.CreateRefitGenerator()).RunGenerators(compilation.Clone()), SyntheticCompilation.InterfaceCount);
        SyntheticCompilation.Validate(compilation.Clone(), SyntheticCompilation.CreateDriver(new ScopeGenerator()).RunGenerators(compilation.Clone()), SyntheticCompilation.InterfaceCount + 1);

        var refit = new Incremental(compilation, SyntheticCompilation.CreateRefitGenerator());
        var cymbio = new Incremental(compilation, new ScopeGenerator());
        var samples = new List<(Sample Refit, Sample Cymbio, Sample RefitEdit, Sample CymbioEdit)>();
        for (var round = 0; round < WarmupRounds + rounds; round++)
        {
            var coldRefit = Measure(() => SyntheticCompilation.CreateDriver(SyntheticCompilation.CreateRefitGenerator()).RunGenerators(compilation.Clone()));
            var coldCymbio = Measure(() => SyntheticCompilation.CreateDriver(new ScopeGenerator()).RunGenerators(compilation.Clone()));
            var editRefit = Measure(refit.RunAfterEdit);
            var editCymbio = Measure(cymbio.RunAfterEdit);
            if (round >= WarmupRounds)
            {
                samples.Add((coldRefit, coldCymbio, editRefit, editCymbio));
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"round {round - WarmupRounds + 1}: cold {coldRefit.WallMs:F1} / {coldCymbio.WallMs:F1} ms = {coldCymbio.WallMs / coldRefit.WallMs:F2}, incremental {editRefit.WallMs:F1} / {editCymbio.WallMs:F1} ms = {editCymbio.WallMs / editRefit.WallMs:F2}"));
            }
        }

        Report("cold", samples.Select(s => (s.Refit, s.Cymbio)).ToList());
        Report("incremental", samples.Select(s => (s.RefitEdit, s.CymbioEdit)).ToList());
        return 0;
    }

    private static void Report(string name, List<(Sample Refit, Sample Cymbio)> pairs)
    {
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name}: median wall Refit {Median(pairs.Select(p => p.Refit.WallMs)):F1} ms, Cymbio {Median(pairs.Select(p => p.Cymbio.WallMs)):F1} ms; median per-round ratio wall {Median(pairs.Select(p => p.Cymbio.WallMs / p.Refit.WallMs)):F3}, CPU {Median(pairs.Select(p => p.Cymbio.CpuMs / p.Refit.CpuMs)):F3} (target: <= 0.5)"));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static Sample Measure(Action run)
    {
        // Each run starts from a collected heap, as BenchmarkDotNet's iterations do.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        run();
        var wall = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        return new Sample(wall.TotalMilliseconds, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    private readonly record struct Sample(double WallMs, double CpuMs);

    /// <summary>One generator's driver, run once, then re-run after each unrelated edit (as <see cref="GeneratorIncrementalRun"/>).</summary>
    private sealed class Incremental
    {
        private CSharpCompilation _compilation;
        private GeneratorDriver _driver;
        private int _edit;

        public Incremental(CSharpCompilation compilation, IIncrementalGenerator generator)
        {
            _compilation = compilation;
            _driver = SyntheticCompilation.CreateDriver(generator).RunGenerators(compilation);
        }

        public void RunAfterEdit()
        {
            _compilation = SyntheticCompilation.WithUnrelatedEdit(_compilation, ++_edit);
            _driver = _driver.RunGenerators(_compilation);
        }
    }
}
