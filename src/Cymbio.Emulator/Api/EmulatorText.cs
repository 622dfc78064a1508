namespace Cymbio.Emulator;

/// <summary>Text from a request that the emulator repeats in a message: cleaned by the client's <see cref="ServerText"/>, at most 64 characters.</summary>
internal static class EmulatorText
{
    private const int MaxLength = 64;

    public static string Printable(string? text) => ServerText.Printable(text, MaxLength) ?? "(empty)";
}
