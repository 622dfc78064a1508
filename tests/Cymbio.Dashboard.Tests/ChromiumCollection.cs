using Xunit;

namespace Cymbio.Dashboard.Tests;

/// <summary>The browser tests share one <see cref="ChromiumFixture"/> and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<ChromiumFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Chromium";
}
