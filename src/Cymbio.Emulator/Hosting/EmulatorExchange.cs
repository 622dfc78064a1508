namespace Cymbio.Emulator;

/// <summary>What the emulator learned about one request while answering it, for the request log.</summary>
internal sealed class EmulatorExchange
{
    public EmulatorRoute? Route { get; set; }

    public string? Account { get; set; }

    public EmulatorAccount? Caller { get; set; }

    public string? Grant { get; set; }

    public ScopeSet? TokenScopes { get; set; }

    public long? TokenId { get; set; }

    public string? Error { get; set; }

    public string? Fault { get; set; }
}
