using Cymbio.Generators;
using Xunit;

namespace Cymbio.Generators.Tests;

/// <summary>Models compared by the incremental pipeline must not change after they were cached.</summary>
public sealed class EquatableArrayTests
{
    [Fact]
    public void From_CopiesTheCallersArray()
    {
        var items = new[] { "read:orders", "write:orders" };
        var array = EquatableArray<string>.From(items);
        var before = EquatableArray<string>.From(new[] { "read:orders", "write:orders" });

        items[0] = "read:variants";

        Assert.Equal(before, array);
        Assert.Equal("read:orders", array[0]);
    }

    [Fact]
    public void Equality_IsByValue()
    {
        Assert.Equal(EquatableArray<string>.Of("read:orders"), EquatableArray<string>.From(new[] { "read:orders" }));
        Assert.Equal(EquatableArray<string>.Of("read:orders").GetHashCode(), EquatableArray<string>.From(new[] { "read:orders" }).GetHashCode());
        Assert.NotEqual(EquatableArray<string>.Of("read:orders"), EquatableArray<string>.Empty);
    }
}
