namespace Cymbio.Client.Tests.Apis;

/// <summary>The body every test API sends and receives; the canned responses deserialize into it.</summary>
public sealed record Resource(long Id, string? Name);
