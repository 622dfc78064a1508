using BenchmarkDotNet.Running;

namespace Cymbio.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project tests/Cymbio.Benchmarks -- --filter '*Generator*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
