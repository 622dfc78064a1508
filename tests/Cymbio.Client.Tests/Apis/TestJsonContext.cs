using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;

namespace Cymbio.Client.Tests.Apis;

/// <summary>
/// The source-generated JSON metadata of the test APIs' models, as a user's project declares its own: Refit 17 has no
/// reflection-based JSON, so a client whose calls carry a model needs <see cref="Settings"/>. Web defaults (camelCase,
/// case-insensitive), as Refit's reflection-based default was.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Resource))]
[JsonSerializable(typeof(IReadOnlyList<Resource>))]
[JsonSerializable(typeof(InventoryAdjustment))]
public sealed partial class TestJsonContext : JsonSerializerContext
{
    /// <summary>New Refit settings on this context (<c>RefitSettings.ForJsonContext</c>), for <c>Create</c> and <c>AddClient</c>.</summary>
    /// <returns>New settings: Cymbio's runtime adds its transport-exception factory to those it is given.</returns>
    public static RefitSettings Settings() => RefitSettings.ForJsonContext(Default);
}
