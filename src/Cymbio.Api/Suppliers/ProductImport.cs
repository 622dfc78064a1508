using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Cymbio.Api.Suppliers;

/// <summary>
/// Imports products and imagery from a file Cymbio downloads (C-19, S10):
/// <c>{"url": "…", "file_type": "csv", "schema": [{"source_field": "Item", "destination_field": "sku"}, …]}</c>.
/// </summary>
/// <param name="Url">The address of the file.</param>
/// <param name="Schema">How the file's columns map to variant fields.</param>
/// <param name="FileType">The file's format, one of <see cref="ImportFileTypes"/>.</param>
public sealed record ProductImportRequest(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("schema")] IReadOnlyList<ImportSchemaField> Schema,
    [property: JsonPropertyName("file_type")] string FileType = ImportFileTypes.Csv);

/// <summary>One column mapping of a product import, with optional transformations.</summary>
/// <param name="SourceField">The column in the file.</param>
/// <param name="DestinationField">The variant field it fills, one of <see cref="ImportDestinationFields"/>.</param>
/// <param name="StringTransformer">A text transformation, one of <see cref="ImportStringTransformers"/>, or <see langword="null"/>.</param>
/// <param name="MathTransformer">A numeric transformation (a string whose syntax S10 does not document), or <see langword="null"/>.</param>
/// <param name="SplitByCharacter">A separator that splits the column into several values (for example several images), or <see langword="null"/>.</param>
public sealed record ImportSchemaField(
    [property: JsonPropertyName("source_field")] string SourceField,
    [property: JsonPropertyName("destination_field")] string DestinationField,
    [property: JsonPropertyName("string_transformer")] string? StringTransformer = null,
    [property: JsonPropertyName("math_transformer")] string? MathTransformer = null,
    [property: JsonPropertyName("split_by_character")] string? SplitByCharacter = null);

/// <summary>The values of <see cref="ProductImportRequest.FileType"/> (S10; an open set).</summary>
public static class ImportFileTypes
{
    /// <summary>Comma-separated values.</summary>
    public const string Csv = "csv";
}

/// <summary>The values of <see cref="ImportSchemaField.DestinationField"/> (S10; an open set).</summary>
public static class ImportDestinationFields
{
    /// <summary>The model (product).</summary>
    public const string Model = "model";

    /// <summary>The SKU.</summary>
    public const string Sku = "sku";

    /// <summary>The title.</summary>
    public const string Title = "title";

    /// <summary>The description.</summary>
    public const string Description = "description";

    /// <summary>The additional description.</summary>
    public const string DescriptionExtra = "description_extra";

    /// <summary>The images.</summary>
    public const string Images = "images";

    /// <summary>The UPC.</summary>
    public const string Upc = "upc";

    /// <summary>The GTIN.</summary>
    public const string Gtin = "gtin";

    /// <summary>The weight.</summary>
    public const string Weight = "weight";

    /// <summary>The (retail) price.</summary>
    public const string Price = "price";

    /// <summary>The wholesale price.</summary>
    public const string WholesalePrice = "wholesale_price";

    /// <summary>An option (see <see cref="VariantOptionTypes"/>).</summary>
    public const string Option = "option";

    /// <summary>A free-form property.</summary>
    public const string Property = "property";
}

/// <summary>The values of <see cref="ImportSchemaField.StringTransformer"/> (S10; an open set).</summary>
public static class ImportStringTransformers
{
    /// <summary>All upper case.</summary>
    public const string Uppercase = "uppercase";

    /// <summary>Capitalized (S10 does not say how it differs from <see cref="CapitalizeFirst"/>).</summary>
    public const string Capitalize = "capitalize";

    /// <summary>The first letter capitalized.</summary>
    public const string CapitalizeFirst = "capitalize-first";

    /// <summary>All lower case.</summary>
    public const string Lowercase = "lowercase";
}
