namespace Cymbio.Api;

/// <summary>The empty JSON object <c>{}</c> that Cymbio's status changes take as their body.</summary>
public sealed record EmptyRequest
{
    private EmptyRequest()
    {
    }

    /// <summary>Gets the one instance.</summary>
    public static EmptyRequest Instance { get; } = new();
}
