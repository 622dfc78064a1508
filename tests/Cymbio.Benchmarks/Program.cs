using BenchmarkDotNet.Running;

namespace Cymbio.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project tests/Cymbio.Benchmarks -- --filter '*'</c> for the benchmarks, or
/// <c>-- --counts</c> for the token-request counts, <c>-- --paired</c> for the paired handler overhead, or
/// <c>-- --analyzer-telemetry</c> for the analyzers' own execution times next to the compile time, or
/// <c>-- --write-analyzer-project DIR</c> to write the analyzer-overhead project for a real build with <c>-p:ReportAnalyzer=true</c>.
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

        if (args.Length == 1 && args[0] == "--analyzer-telemetry")
        {
            return AnalyzerTelemetry.RunAsync().GetAwaiter().GetResult();
        }

        if (args.Length == 2 && args[0] == "--write-analyzer-project")
        {
            AnalyzerProject.WriteProject(args[1]);
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
