using Xunit;

namespace Cymbio.Client.Tests.Runtime.Harness;

/// <summary>
/// The reliability tests of docs/reliability.md sections A–C run one at a time: several of them open a thousand loopback
/// connections at once (or, for the distributed cache of A7, start eight processes), and the others check bounds
/// (100 ms) or count token requests in races that such a neighbour could disturb.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TokenReliabilityCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Cymbio token reliability (sections A-C)";
}
