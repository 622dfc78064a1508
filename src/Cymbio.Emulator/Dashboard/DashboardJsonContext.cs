using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cymbio.Emulator;

/// <summary>The dashboard's JSON, generated at build time (no reflection: it works where reflection-based serialization is off).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DashboardSnapshot))]
[JsonSerializable(typeof(DashboardUpdate<DashboardToken>))]
[JsonSerializable(typeof(DashboardUpdate<DashboardRequest>))]
[JsonSerializable(typeof(DashboardUpdate<DashboardFaults>))]
[JsonSerializable(typeof(DashboardUpdate<long[]>))]
[JsonSerializable(typeof(DashboardFaults))]
[JsonSerializable(typeof(DashboardFaultRequest))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
