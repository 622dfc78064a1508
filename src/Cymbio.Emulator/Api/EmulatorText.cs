using System.Linq;

namespace Cymbio.Emulator;

/// <summary>Text from a request that the emulator repeats in a message: control characters removed, length bounded.</summary>
internal static class EmulatorText
{
    private const int MaxLength = 64;

    public static string Printable(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "(empty)";
        }

        var clean = new string(text.Where(static c => !char.IsControl(c) && c is not ('\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069')).Take(MaxLength + 1).ToArray());
        return clean.Length > MaxLength ? clean[..MaxLength] + "…" : clean;
    }
}
