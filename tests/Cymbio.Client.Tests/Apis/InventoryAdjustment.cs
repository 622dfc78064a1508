namespace Cymbio.Client.Tests.Apis;

/// <summary>The body <see cref="IOrdersProbeApi"/> and <see cref="ILeastPrivilegeApi"/> send.</summary>
public sealed record InventoryAdjustment(string Sku, int Quantity);
