using Microsoft.CodeAnalysis;

namespace Cymbio.Generators;

/// <summary>How generated code names types: fully qualified, with nullable reference annotations.</summary>
internal static class SymbolFormats
{
    public static readonly SymbolDisplayFormat Type = SymbolDisplayFormat.FullyQualifiedFormat.WithMiscellaneousOptions(
        SymbolDisplayFormat.FullyQualifiedFormat.MiscellaneousOptions | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);
}
