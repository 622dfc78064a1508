using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Cymbio.Client.Tests;

public sealed class ScopeSetTests
{
    private static readonly ScopeSet ReadOrders = ScopeSet.Create("read:orders");
    private static readonly ScopeSet ReadWriteOrders = ScopeSet.Create("read:orders", "write:orders");
    private static readonly ScopeSet WriteOrdersInventory = ScopeSet.Create("write:orders", "write:inventory");

    // ---- Parsing, canonical form, formatting ----

    [Fact]
    public void Parse_OrdersScopesOrdinally()
    {
        var set = ScopeSet.Parse("write:orders read:orders read:inventory");

        Assert.Equal(new[] { "read:inventory", "read:orders", "write:orders" }, set.ToArray());
        Assert.Equal("read:inventory read:orders write:orders", set.ToString());
    }

    [Fact]
    public void Create_OrdersOrdinallyNotByCulture()
    {
        // Ordinal: upper-case letters (0x41-0x5A) sort before lower-case ones; a culture-aware sort would give "a B b".
        var set = ScopeSet.Create("b", "a", "B", "_", "Z:1", "!");

        Assert.Equal(new[] { "!", "B", "Z:1", "_", "a", "b" }, set.ToArray());
        Assert.Equal("! B Z:1 _ a b", set.ToString());
    }

    [Fact]
    public void Create_RemovesDuplicates()
    {
        var set = ScopeSet.Create("read:orders", "write:orders", "read:orders", "write:orders", "read:orders");

        Assert.Equal(2, set.Count);
        Assert.Equal("read:orders write:orders", set.ToString());
        Assert.Equal(ReadWriteOrders, set);
    }

    [Fact]
    public void Parse_RemovesDuplicates()
    {
        var set = ScopeSet.Parse("read:orders read:orders  read:orders");

        Assert.Single(set);
        Assert.Equal("read:orders", set[0]);
    }

    [Fact]
    public void Parse_NormalisesWhitespace()
    {
        var messy = ScopeSet.Parse(" read:orders  write:inventory ");
        var tidy = ScopeSet.Parse("write:inventory read:orders");

        Assert.Equal(tidy, messy);
        Assert.True(messy.Equals(tidy));
        Assert.True(messy.Equals((object)tidy));
        Assert.Equal("read:orders write:inventory", messy.ToString());
        Assert.Equal(messy.ToString(), tidy.ToString());
        Assert.Equal(tidy.GetHashCode(), messy.GetHashCode());
    }

    [Fact]
    public void ParseAndCreate_AgreeWithEachOther()
    {
        var parsed = ScopeSet.Parse("write:inventory   read:orders");
        var created = ScopeSet.Create(new List<string> { "read:orders", "write:inventory" });

        Assert.Equal(created, parsed);
        Assert.Equal(created.GetHashCode(), parsed.GetHashCode());
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("     ")]
    public void Parse_BlankIsEmpty(string value)
    {
        var set = ScopeSet.Parse(value);

        Assert.True(set.IsEmpty);
        Assert.Empty(set);
        Assert.Same(ScopeSet.Empty, set);
        Assert.Equal(string.Empty, set.ToString());
    }

    [Fact]
    public void Create_WithNoScopesIsEmpty()
    {
        Assert.Same(ScopeSet.Empty, ScopeSet.Create());
        Assert.Same(ScopeSet.Empty, ScopeSet.Create(Array.Empty<string>()));
        Assert.Same(ScopeSet.Empty, ScopeSet.Create(Enumerable.Empty<string>()));
    }

    [Fact]
    public void Empty_HasNoScopes()
    {
        Assert.True(ScopeSet.Empty.IsEmpty);
        Assert.Empty(ScopeSet.Empty);
        Assert.True(ScopeSet.Empty.Count == 0);
        Assert.Equal(string.Empty, ScopeSet.Empty.ToString());
        Assert.Equal(string.Empty, ScopeSet.Empty.ToString(","));
        Assert.False(ReadOrders.IsEmpty);
    }

    [Fact]
    public void ToString_WithSeparator_UsesCanonicalOrder()
    {
        var set = ScopeSet.Parse("write:orders read:orders read:inventory");

        Assert.Equal("read:inventory,read:orders,write:orders", set.ToString(","));
        Assert.Equal("read:inventory, read:orders, write:orders", set.ToString(", "));
        Assert.Equal("read:orders", ReadOrders.ToString(","));
    }

    [Fact]
    public void ToString_RoundTripsThroughParse()
    {
        var set = ScopeSet.Create("write:variants", "read:variants", "read:channels");

        var again = ScopeSet.Parse(set.ToString());

        Assert.Equal(set, again);
        Assert.Equal(set.ToString(), again.ToString());
    }

    // ---- Case sensitivity ----

    [Fact]
    public void Scopes_AreCaseSensitive()
    {
        var upper = ScopeSet.Parse("Read:Orders");
        var lower = ScopeSet.Parse("read:orders");

        Assert.NotEqual(lower, upper);
        Assert.False(upper == lower);
        Assert.True(upper != lower);
        Assert.False(upper.Contains("read:orders"));
        Assert.True(upper.Contains("Read:Orders"));
        Assert.False(upper.IsSubsetOf(lower));
        Assert.False(upper.Overlaps(lower));
        Assert.Equal(1, upper.CountMissingFrom(lower));
    }

    [Fact]
    public void Create_KeepsScopesThatDifferOnlyInCase()
    {
        var set = ScopeSet.Create("read:orders", "Read:Orders", "READ:ORDERS");

        Assert.Equal(3, set.Count);
        Assert.Equal("READ:ORDERS Read:Orders read:orders", set.ToString());
    }

    // ---- Validation ----

    public static TheoryData<string> InvalidScopes() => new()
    {
        "read orders",      // space inside a scope (only reachable through Create)
        "read:\"orders\"",  // double quote
        "read:orders\\x",   // backslash
        "read:ordérs",      // non-ASCII letter
        "read:orders\u00A0", // non-breaking space
        "read:\u0007bell",  // control character
        "read:orders\t",    // tab is not a separator
        "read:orders\n",
        "read:orders\u007F", // DEL
        "\u0000",
        "\"",
        "\\",
        "",                 // empty
    };

    [Theory]
    [MemberData(nameof(InvalidScopes))]
    public void Create_RejectsInvalidScope(string scope)
    {
        Assert.False(ScopeSet.IsValidScope(scope));
        Assert.Throws<FormatException>(() => ScopeSet.Create(scope));
        Assert.Throws<FormatException>(() => ScopeSet.Create("read:orders", scope));
        Assert.Throws<FormatException>(() => ScopeSet.Create(new List<string> { scope, "write:orders" }));
    }

    public static TheoryData<string> InvalidScopeStrings() => new()
    {
        "read:\"orders\"",
        "read:orders write:orders\\",
        "read:ordérs",
        "read:orders\u00A0write:orders",
        "read:orders\tread:inventory",
        "read:orders\r\nwrite:orders",
        "read:\u0001",
        "read:orders \u007F",
        "\"",
    };

    [Theory]
    [MemberData(nameof(InvalidScopeStrings))]
    public void Parse_RejectsInvalidScope(string value)
    {
        var exception = Assert.Throws<FormatException>(() => ScopeSet.Parse(value));
        Assert.Contains("RFC 6749", exception.Message, StringComparison.Ordinal);

        Assert.False(ScopeSet.TryParse(value, out var result));
        Assert.Null(result);
    }

    [Fact]
    public void Parse_NamesTheOffendingScope()
    {
        var exception = Assert.Throws<FormatException>(() => ScopeSet.Parse("read:orders wr\"ite write:orders"));

        Assert.Contains("'wr\"ite'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("!")]
    [InlineData("~")]
    [InlineData("#$%&'()*+,-./0123456789:;<=>?@[]^_`{|}")]
    [InlineData("read:orders")]
    [InlineData("https://api.cym.bio/scope")]
    public void PrintableAsciiOtherThanSpaceQuoteAndBackslash_IsValid(string scope)
    {
        Assert.True(ScopeSet.IsValidScope(scope));
        Assert.Equal(scope, ScopeSet.Create(scope).ToString());
        Assert.True(ScopeSet.TryParse(scope, out var parsed));
        Assert.Equal(scope, parsed.ToString());
    }

    [Fact]
    public void EveryPrintableAsciiCharacter_IsValidExceptSpaceQuoteAndBackslash()
    {
        for (var c = '\0'; c < '\u0100'; c++)
        {
            var expected = c >= '\x21' && c <= '\x7E' && c != '"' && c != '\\';
            Assert.True(expected == ScopeSet.IsValidScope(c.ToString()), $"U+{(int)c:X4}: expected valid = {expected}");
        }
    }

    [Fact]
    public void TryParse_Succeeds()
    {
        Assert.True(ScopeSet.TryParse("  write:orders read:orders ", out var result));
        Assert.Equal(ReadWriteOrders, result);
    }

    [Fact]
    public void TryParse_BlankIsEmpty()
    {
        Assert.True(ScopeSet.TryParse("   ", out var result));
        Assert.Same(ScopeSet.Empty, result);
    }

    // ---- Null handling ----

    [Fact]
    public void NullArguments_AreRejected()
    {
        Assert.Throws<ArgumentNullException>(() => ScopeSet.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => ScopeSet.Create((string[])null!));
        Assert.Throws<ArgumentNullException>(() => ScopeSet.Create((IEnumerable<string>)null!));
        Assert.Throws<ArgumentNullException>(() => ReadOrders.IsSubsetOf(null!));
        Assert.Throws<ArgumentNullException>(() => ReadOrders.IsSupersetOf(null!));
        Assert.Throws<ArgumentNullException>(() => ReadOrders.Overlaps(null!));
        Assert.Throws<ArgumentNullException>(() => ReadOrders.CountMissingFrom(null!));
        Assert.Throws<ArgumentNullException>(() => ReadOrders.Except(null!));
        Assert.Throws<ArgumentNullException>(() => ReadOrders.Union(null!));
    }

    [Fact]
    public void NullScopeInsideCreate_IsAFormatException()
    {
        Assert.Throws<FormatException>(() => ScopeSet.Create("read:orders", null!));
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(ScopeSet.TryParse(null, out var result));
        Assert.Null(result);
    }

    [Fact]
    public void NullScope_IsNotValidAndNotContained()
    {
        Assert.False(ScopeSet.IsValidScope(null));
        Assert.False(ReadOrders.Contains(null!));
    }

    [Fact]
    public void EqualityWithNull()
    {
        ScopeSet? none = null;

        Assert.False(ReadOrders.Equals(null));
        Assert.False(ReadOrders.Equals((object?)null));
        Assert.False(ReadOrders == none);
        Assert.False(none == ReadOrders);
        Assert.True(ReadOrders != none);
        Assert.True(none != ReadOrders);
        Assert.True(none == null);
        Assert.False(none != null);
        Assert.False(ScopeSet.Empty == none);
    }

    // ---- Set relations ----

    [Fact]
    public void Contains_FindsOnlyMembers()
    {
        var set = ScopeSet.Parse("read:orders write:orders read:inventory");

        Assert.True(set.Contains("read:orders"));
        Assert.True(set.Contains("write:orders"));
        Assert.True(set.Contains("read:inventory"));
        Assert.False(set.Contains("write:inventory"));
        Assert.False(set.Contains("read:order"));
        Assert.False(set.Contains(string.Empty));
        Assert.False(ScopeSet.Empty.Contains("read:orders"));
    }

    [Fact]
    public void IsSubsetOf()
    {
        Assert.True(ReadOrders.IsSubsetOf(ReadWriteOrders));
        Assert.True(ReadWriteOrders.IsSubsetOf(ReadWriteOrders));
        Assert.True(ReadWriteOrders.IsSubsetOf(ScopeSet.Parse("write:orders read:orders")));
        Assert.False(ReadWriteOrders.IsSubsetOf(ReadOrders));
        Assert.False(ReadWriteOrders.IsSubsetOf(WriteOrdersInventory));
        Assert.False(ScopeSet.Parse("read:orders write:variants").IsSubsetOf(ScopeSet.Parse("read:orders write:orders write:inventory")));
        Assert.True(ScopeSet.Empty.IsSubsetOf(ReadOrders));
        Assert.True(ScopeSet.Empty.IsSubsetOf(ScopeSet.Empty));
        Assert.False(ReadOrders.IsSubsetOf(ScopeSet.Empty));
    }

    [Fact]
    public void IsSubsetOf_SameSizeButDifferent()
    {
        Assert.False(ScopeSet.Parse("a c").IsSubsetOf(ScopeSet.Parse("a b")));
        Assert.False(ScopeSet.Parse("a b").IsSubsetOf(ScopeSet.Parse("a c")));
        Assert.True(ScopeSet.Parse("a c").IsSubsetOf(ScopeSet.Parse("a b c")));
        Assert.False(ScopeSet.Parse("z").IsSubsetOf(ScopeSet.Parse("a b c")));
    }

    [Fact]
    public void IsSupersetOf()
    {
        Assert.True(ReadWriteOrders.IsSupersetOf(ReadOrders));
        Assert.True(ReadWriteOrders.IsSupersetOf(ReadWriteOrders));
        Assert.False(ReadOrders.IsSupersetOf(ReadWriteOrders));
        Assert.False(ReadWriteOrders.IsSupersetOf(WriteOrdersInventory));
        Assert.True(ReadOrders.IsSupersetOf(ScopeSet.Empty));
        Assert.True(ScopeSet.Empty.IsSupersetOf(ScopeSet.Empty));
        Assert.False(ScopeSet.Empty.IsSupersetOf(ReadOrders));
    }

    [Fact]
    public void Overlaps()
    {
        Assert.True(ReadWriteOrders.Overlaps(WriteOrdersInventory));
        Assert.True(WriteOrdersInventory.Overlaps(ReadWriteOrders));
        Assert.True(ReadOrders.Overlaps(ReadWriteOrders));
        Assert.False(ReadOrders.Overlaps(WriteOrdersInventory));
        Assert.False(WriteOrdersInventory.Overlaps(ReadOrders));
        Assert.True(ScopeSet.Parse("a z").Overlaps(ScopeSet.Parse("b c d z")));
        Assert.False(ScopeSet.Parse("a c e").Overlaps(ScopeSet.Parse("b d f")));
        Assert.False(ScopeSet.Empty.Overlaps(ReadOrders));
        Assert.False(ReadOrders.Overlaps(ScopeSet.Empty));
        Assert.False(ScopeSet.Empty.Overlaps(ScopeSet.Empty));
    }

    [Fact]
    public void CountMissingFrom()
    {
        Assert.Equal(0, ReadOrders.CountMissingFrom(ReadWriteOrders));
        Assert.Equal(1, ReadWriteOrders.CountMissingFrom(ReadOrders));
        Assert.Equal(1, ReadWriteOrders.CountMissingFrom(WriteOrdersInventory));
        Assert.Equal(2, ReadWriteOrders.CountMissingFrom(ScopeSet.Empty));
        Assert.Equal(0, ScopeSet.Empty.CountMissingFrom(ReadWriteOrders));
        Assert.Equal(3, ScopeSet.Parse("a c e").CountMissingFrom(ScopeSet.Parse("b d f")));
        Assert.Equal(2, ScopeSet.Parse("a c e").CountMissingFrom(ScopeSet.Parse("b c")));
        Assert.Equal(1, ScopeSet.Parse("a b c").CountMissingFrom(ScopeSet.Parse("a b")));
    }

    [Fact]
    public void CountMissingFrom_MatchesExcept()
    {
        var sets = new[]
        {
            ScopeSet.Empty, ReadOrders, ReadWriteOrders, WriteOrdersInventory,
            ScopeSet.Parse("a c e"), ScopeSet.Parse("b c d"), ScopeSet.Parse("read:orders write:inventory"),
        };

        foreach (var a in sets)
        {
            foreach (var b in sets)
            {
                var expected = a.Where(s => !b.Contains(s)).ToArray();
                Assert.Equal(expected.Length, a.CountMissingFrom(b));
                Assert.Equal(expected, a.Except(b).ToArray());
                Assert.Equal(a.Union(b).ToArray(), a.Concat(b).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToArray());
                Assert.Equal(expected.Length == 0, a.IsSubsetOf(b));
                Assert.Equal(a.Any(b.Contains), a.Overlaps(b));
            }
        }
    }

    [Fact]
    public void Except_RemovesScopesOfTheOtherSet()
    {
        var result = ScopeSet.Parse("read:orders write:orders write:inventory").Except(ScopeSet.Parse("write:orders read:variants"));

        Assert.Equal(ScopeSet.Parse("read:orders write:inventory"), result);
        Assert.Equal("read:orders write:inventory", result.ToString());
    }

    [Fact]
    public void Except_NothingRemoved_ReturnsSameInstance()
    {
        Assert.Same(ReadWriteOrders, ReadWriteOrders.Except(ScopeSet.Empty));
        Assert.Same(ReadWriteOrders, ReadWriteOrders.Except(ScopeSet.Parse("write:inventory read:variants")));
    }

    [Fact]
    public void Except_EverythingRemoved_ReturnsEmpty()
    {
        Assert.Same(ScopeSet.Empty, ReadWriteOrders.Except(ReadWriteOrders));
        Assert.Same(ScopeSet.Empty, ReadWriteOrders.Except(ScopeSet.Parse("read:orders write:orders write:inventory")));
        Assert.Same(ScopeSet.Empty, ScopeSet.Empty.Except(ReadOrders));
        Assert.Same(ScopeSet.Empty, ScopeSet.Empty.Except(ScopeSet.Empty));
    }

    [Fact]
    public void Union_MergesInCanonicalOrder()
    {
        var result = ReadWriteOrders.Union(WriteOrdersInventory);

        Assert.Equal("read:orders write:inventory write:orders", result.ToString());
        Assert.Equal(result, WriteOrdersInventory.Union(ReadWriteOrders));
        Assert.Equal(3, result.Count);
    }

    [Fact]
    public void Union_WhenOneContainsTheOther_ReturnsThatInput()
    {
        Assert.Same(ReadWriteOrders, ReadWriteOrders.Union(ReadOrders));
        Assert.Same(ReadWriteOrders, ReadOrders.Union(ReadWriteOrders));
        Assert.Same(ReadOrders, ReadOrders.Union(ScopeSet.Empty));
        Assert.Same(ReadOrders, ScopeSet.Empty.Union(ReadOrders));
        Assert.Same(ReadOrders, ReadOrders.Union(ReadOrders));
        Assert.Same(ScopeSet.Empty, ScopeSet.Empty.Union(ScopeSet.Empty));

        var equalCopy = ScopeSet.Parse("write:orders read:orders");
        var union = ReadWriteOrders.Union(equalCopy);
        Assert.True(ReferenceEquals(union, ReadWriteOrders) || ReferenceEquals(union, equalCopy));
    }

    [Fact]
    public void Union_DisjointSets()
    {
        var result = ScopeSet.Parse("a c").Union(ScopeSet.Parse("b d"));

        Assert.Equal(new[] { "a", "b", "c", "d" }, result.ToArray());
    }

    // ---- Enumeration, indexer ----

    [Fact]
    public void Enumeration_IsInCanonicalOrder()
    {
        var set = ScopeSet.Parse("write:orders read:variants read:inventory");
        var expected = new[] { "read:inventory", "read:variants", "write:orders" };

        var viaStruct = new List<string>();
        foreach (var scope in set)
        {
            viaStruct.Add(scope);
        }

        var viaInterface = new List<string>();
        using (var enumerator = ((IEnumerable<string>)set).GetEnumerator())
        {
            while (enumerator.MoveNext())
            {
                viaInterface.Add(enumerator.Current);
            }
        }

        var viaNonGeneric = new List<string>();
        foreach (var scope in (IEnumerable)set)
        {
            viaNonGeneric.Add((string)scope);
        }

        Assert.Equal(expected, viaStruct);
        Assert.Equal(expected, viaInterface);
        Assert.Equal(expected, viaNonGeneric);
        Assert.Equal(expected, Enumerable.Range(0, set.Count).Select(i => set[i]));
        Assert.Equal(3, ((IReadOnlyCollection<string>)set).Count);
    }

    [Fact]
    public void Enumerator_CanBeReset()
    {
        var enumerator = ReadWriteOrders.GetEnumerator();
        Assert.True(enumerator.MoveNext());
        Assert.Equal("read:orders", enumerator.Current);
        Assert.True(enumerator.MoveNext());
        Assert.Equal("write:orders", enumerator.Current);
        Assert.False(enumerator.MoveNext());

        enumerator.Reset();
        Assert.True(enumerator.MoveNext());
        Assert.Equal("read:orders", enumerator.Current);
        enumerator.Dispose();
    }

    [Fact]
    public void Indexer_OutOfRange_Throws()
    {
        Assert.Throws<IndexOutOfRangeException>(() => ReadOrders[1]);
        Assert.Throws<IndexOutOfRangeException>(() => ScopeSet.Empty[0]);
    }

    // ---- Equality ----

    [Fact]
    public void EqualityOperators()
    {
        var a = ScopeSet.Parse("read:orders write:orders");
        var b = ScopeSet.Create("write:orders", "read:orders");
        var c = ScopeSet.Parse("read:orders");

        Assert.NotSame(a, b);
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.False(a == c);
        Assert.True(a != c);
        Assert.True(ScopeSet.Parse(string.Empty) == ScopeSet.Create());
        Assert.False(ScopeSet.Empty == c);
        Assert.False(ScopeSet.Parse("a b") == ScopeSet.Parse("a c"));
    }

    [Fact]
    public void EqualSets_WorkAsDictionaryKeys()
    {
        var cache = new Dictionary<ScopeSet, string>
        {
            [ScopeSet.Parse("read:orders write:inventory")] = "token-1",
        };

        Assert.True(cache.TryGetValue(ScopeSet.Parse(" write:inventory   read:orders"), out var token));
        Assert.Equal("token-1", token);
        Assert.False(cache.ContainsKey(ScopeSet.Parse("read:orders")));
        Assert.False(cache.ContainsKey(ScopeSet.Parse("Read:Orders write:inventory")));
    }

    [Fact]
    public void ToString_IsStable()
    {
        var set = ScopeSet.Parse("write:orders read:orders");

        Assert.Same(set.ToString(), set.ToString());
    }

    // ---- Allocation (correctness of the "does not allocate" contract, not timing) ----

    [Fact]
    public void Queries_DoNotAllocate()
    {
        var granted = ScopeSet.Parse("read:channels read:inventory read:orders read:variants write:fulfillments write:orders");
        var required = ScopeSet.Parse("read:orders write:orders");
        var missing = ScopeSet.Parse("read:orders write:inventory");
        var disjoint = ScopeSet.Parse("write:variants write:warehouses");
        var scope = "write:fulfillments";
        var absent = "write:retailers";

        // Warm up: JIT, tiering and any lazy state.
        var sink = RunQueries(granted, required, missing, disjoint, scope, absent, 1_000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        sink += RunQueries(granted, required, missing, disjoint, scope, absent, 1_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);

        // 1,000 iterations × (IsSubsetOf 2 + IsSupersetOf 1 + Contains 1 + Overlaps 1 + CountMissingFrom 1 + foreach 2) per run.
        Assert.Equal(2 * 1_000 * 8, sink);
    }

    [Fact]
    public void ExceptAndUnion_DoNotAllocate_WhenReturningAnInput()
    {
        var granted = ScopeSet.Parse("read:orders write:orders write:inventory");
        var required = ScopeSet.Parse("read:orders write:orders");
        var unrelated = ScopeSet.Parse("read:variants");

        var sink = RunSetOperations(granted, required, unrelated, 1_000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        sink += RunSetOperations(granted, required, unrelated, 1_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(2 * 1_000 * 4, sink);
    }

    private static int RunQueries(ScopeSet granted, ScopeSet required, ScopeSet missing, ScopeSet disjoint, string scope, string absent, int iterations)
    {
        var hits = 0;
        for (var i = 0; i < iterations; i++)
        {
            hits += required.IsSubsetOf(granted) ? 1 : 0;
            hits += missing.IsSubsetOf(granted) ? 0 : 1;
            hits += granted.IsSupersetOf(required) ? 1 : 0;
            hits += granted.Contains(scope) && !granted.Contains(absent) ? 1 : 0;
            hits += granted.Overlaps(missing) && !granted.Overlaps(disjoint) ? 1 : 0;
            hits += missing.CountMissingFrom(granted) == 1 ? 1 : 0;

            var count = 0;
            foreach (var s in required)
            {
                count += s.Length > 0 ? 1 : 0;
            }

            hits += count;
        }

        return hits;
    }

    private static int RunSetOperations(ScopeSet granted, ScopeSet required, ScopeSet unrelated, int iterations)
    {
        var hits = 0;
        for (var i = 0; i < iterations; i++)
        {
            hits += ReferenceEquals(required.Except(granted), ScopeSet.Empty) ? 1 : 0;
            hits += ReferenceEquals(required.Except(unrelated), required) ? 1 : 0;
            hits += ReferenceEquals(granted.Union(required), granted) ? 1 : 0;
            hits += ReferenceEquals(required.Union(granted), granted) ? 1 : 0;
        }

        return hits;
    }
}
