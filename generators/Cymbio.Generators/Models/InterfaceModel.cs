namespace Cymbio.Generators;

/// <summary>A scoped interface, reduced to what the emitter needs.</summary>
internal sealed record InterfaceModel(
    string MetadataName,
    string? Namespace,
    string ClassName,
    string TypeOfName,
    string DisplayName,
    bool IsPublic,
    EquatableArray<OperationModel> Operations)
{
    /// <summary>The generated file's name; made unique across the compilation's interfaces before emission.</summary>
    public string HintName { get; init; } = string.Empty;
}
