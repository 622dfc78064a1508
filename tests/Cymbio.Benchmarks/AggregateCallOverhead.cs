using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Cymbio.Api;
using Cymbio.Api.Suppliers;

namespace Cymbio.Benchmarks;

/// <summary>
/// The same Cymbio call through the generated aggregate client (<c>cymbio.Supplier.Fulfillments.GetAsync(929)</c>) and
/// through the Refit interface it wraps (<c>api.GetAsync(88, 929)</c>): one <see cref="CymbioClient"/>, a warm token,
/// the in-memory transport answering a fulfillment. Target (issue 10): ≤ 1.02× time.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 3, warmupCount: 10, iterationCount: 30)]
public class AggregateCallOverhead
{
    private const long Supplier = 88;

    private CymbioClient _client = null!;
    private ISupplierFulfillmentsApi _interface = null!;
    private CymbioSupplierClient _aggregate = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = InMemoryCymbio.Options();
        options.SupplierId = Supplier;
        _client = new CymbioClient(options, primaryHandler: new InMemoryCymbio("""{"id":929,"fulfillment_state":"new"}"""));
        _interface = _client.Create<ISupplierFulfillmentsApi>(CymbioApi.CreateRefitSettings());
        _aggregate = _client.Supplier;
        _interface.GetAsync(Supplier, 929).GetAwaiter().GetResult(); // warm the token and both paths
        _aggregate.Fulfillments.GetAsync(929).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _client.Dispose();

    /// <summary>The Refit interface, the supplier id passed by the caller.</summary>
    [Benchmark(Baseline = true)]
    public Task<Fulfillment> RefitInterface() => _interface.GetAsync(Supplier, 929);

    /// <summary>The generated aggregate, the supplier id bound from the options.</summary>
    [Benchmark]
    public Task<Fulfillment> GeneratedAggregate() => _aggregate.Fulfillments.GetAsync(929);
}
