using Xunit;

namespace Cymbio.Client.Tests.Runtime.Harness;

/// <summary>
/// The reliability tests of docs/reliability.md sections A–C run one at a time: several of them open a thousand loopback
/// connections at once, and the others check bounds (100 ms) that such a neighbour could disturb.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TokenReliabilityCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Cymbio token reliability (sections A-C)";
}
