using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Running;

namespace Cymbio.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project tests/Cymbio.Benchmarks -- --filter '*'</c> for the benchmarks, or
/// <list type="bullet">
/// <item><c>-- --counts</c> for the token-request counts;</item>
/// <item><c>-- --paired</c> for the paired handler overhead;</item>
/// <item><c>-- --generator-paired [rounds]</c> for the generators' cold and incremental runs, paired in one process;</item>
/// <item><c>-- --analyzer-telemetry [rounds]</c> for the analyzers' own execution times next to the compile time;</item>
/// <item><c>-- --write-analyzer-project DIR</c> to write the analyzer-overhead project for a real build with <c>-p:ReportAnalyzer=true</c>;</item>
/// <item><c>-- --build-time [rounds] [--fresh-csc]</c> for the paired build-time overhead: real <c>dotnet build</c>s of a
/// consumer with and without Cymbio's generator and analyzers, alternating (default 7 rounds, compiler server);</item>
/// <item><c>-- --write-build-time-projects DIR</c> to write (and restore) those two projects for builds by hand.</item>
/// </list>
/// The build-time figure as a BenchmarkDotNet ratio: <c>-- --filter '*BuildTime*'</c>.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 1 && args[0] == "--counts")
        {
            return TokenCounts.RunAsync().GetAwaiter().GetResult();
        }

        if (args.Length == 1 && args[0] == "--paired")
        {
            return PairedOverhead.RunAsync().GetAwaiter().GetResult();
        }

        if (args.Length >= 1 && args[0] == "--generator-paired")
        {
            var generatorRounds = GeneratorPaired.DefaultRounds;
            if (args.Length > 2 || (args.Length == 2 && (!int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out generatorRounds) || generatorRounds < 1)))
            {
                Console.Error.WriteLine("usage: --generator-paired [rounds]");
                return 2;
            }

            return GeneratorPaired.Run(generatorRounds);
        }

        if (args.Length >= 1 && args[0] == "--analyzer-telemetry")
        {
            var telemetryRounds = AnalyzerTelemetry.DefaultRounds;
            if (args.Length > 2 || (args.Length == 2 && (!int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out telemetryRounds) || telemetryRounds < 1)))
            {
                Console.Error.WriteLine("usage: --analyzer-telemetry [rounds]");
                return 2;
            }

            return AnalyzerTelemetry.RunAsync(telemetryRounds).GetAwaiter().GetResult();
        }

        if (args.Length == 2 && args[0] == "--write-analyzer-project")
        {
            AnalyzerProject.WriteProject(args[1]);
            return 0;
        }

        if (args.Length >= 1 && args[0] == "--build-time")
        {
            var freshCsc = args.Contains("--fresh-csc");
            var rest = args.Skip(1).Where(static a => a != "--fresh-csc").ToList();
            var rounds = BuildTimePaired.DefaultRounds;
            if (rest.Count > 1 || (rest.Count == 1 && (!int.TryParse(rest[0], NumberStyles.None, CultureInfo.InvariantCulture, out rounds) || rounds < 1)))
            {
                Console.Error.WriteLine("usage: --build-time [rounds] [--fresh-csc]");
                return 2;
            }

            return BuildTimePaired.Run(rounds, sharedCompilation: !freshCsc);
        }

        if (args.Length == 2 && args[0] == "--write-build-time-projects")
        {
            using var projects = BuildTimeProjects.Create(args[1], Console.WriteLine);
            Console.WriteLine($"Build either with: dotnet build --no-restore (in {projects.ProjectDirectory(BuildTimeProjects.Baseline)} or {projects.ProjectDirectory(BuildTimeProjects.Cymbio)}); touch {BuildTimeProjects.TouchedFile} to make the compiler run again.");
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
