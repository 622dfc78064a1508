using Xunit;

namespace Cymbio.Package.Tests;

/// <summary>The package tests: one pack, and consumers built one after the other (they share two cores).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedPackages>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Packed packages";
}
