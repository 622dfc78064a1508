namespace Cymbio.Api.Tests.Infrastructure;

/// <summary>An API request as the in-memory Cymbio saw it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path and query, as sent (escaped).</param>
/// <param name="Body">The body, or <see langword="null"/> when there was none.</param>
/// <param name="ContentType">The body's media type, if any.</param>
/// <param name="Authorization">The <c>Authorization</c> header, if any.</param>
internal sealed record RecordedRequest(string Method, string PathAndQuery, string? Body, string? ContentType, string? Authorization);
