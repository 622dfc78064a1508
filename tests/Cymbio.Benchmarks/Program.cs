using BenchmarkDotNet.Running;

namespace Cymbio.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project tests/Cymbio.Benchmarks -- --filter '*'</c> for the benchmarks, or
/// <c>-- --counts</c> for the token-request counts.
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

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
