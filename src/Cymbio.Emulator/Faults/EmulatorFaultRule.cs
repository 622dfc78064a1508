namespace Cymbio.Emulator;

/// <summary>A fault rule in force, as <see cref="EmulatorFaults.Rules"/> lists it.</summary>
/// <param name="Target">
/// <see cref="TokenEndpointTarget"/>, <see cref="AnyRouteTarget"/>, or the method and route template, for example
/// <c>GET /v3/suppliers/{supplierId}/fulfillments</c>.
/// </param>
/// <param name="Fault">The fault played.</param>
/// <param name="Remaining">How many more requests it affects; <see langword="null"/> until removed.</param>
public sealed record EmulatorFaultRule(string Target, EmulatorFault Fault, int? Remaining)
{
    /// <summary>The target of rules on the token endpoint.</summary>
    public const string TokenEndpointTarget = "token endpoint";

    /// <summary>The target of rules on every API route.</summary>
    public const string AnyRouteTarget = "every route";
}
