using System;

namespace Cymbio;

/// <summary>
/// Declares the OAuth scopes that calling the annotated member requires.
/// </summary>
/// <remarks>
/// <para>On a Refit interface, the attribute is the default requirement of the interface's methods. On a method, it is
/// that method's requirement and replaces the interface default. Several attributes, or several scopes in one
/// attribute, mean that all of them are required.</para>
/// <para>On an ordinary (non-Refit) method it means "callers of this method must hold these scopes": the requirement
/// propagates to callers, and calls inside the method that need only these scopes are satisfied.</para>
/// <para>The Cymbio.Generated source generator turns the attributes of a Refit interface into a scope table that the
/// runtime reads through <see cref="CymbioScopeRegistry"/>, without reflection.</para>
/// </remarks>
/// <example>
/// <code>
/// [CymbioScope(CymbioScopes.ReadOrders)]
/// public interface IFulfillmentsApi
/// {
///     [Get("/v3/suppliers/{supplierId}/fulfillments")]
///     Task&lt;IReadOnlyList&lt;Fulfillment&gt;&gt; ListAsync(long supplierId);
///
///     [Put("/v3/suppliers/{supplierId}/fulfillments/{id}/setStatus/accepted")]
///     [CymbioScope(CymbioScopes.WriteFulfillments)]
///     Task AcceptAsync(long supplierId, long id);
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class CymbioScopeAttribute : Attribute
{
    /// <summary>Initializes the attribute with the required scopes.</summary>
    /// <param name="scopes">The required scopes, for example <c>read:orders</c>; all of them are required.</param>
    public CymbioScopeAttribute(params string[] scopes)
    {
        Scopes = scopes ?? Array.Empty<string>();
    }

    /// <summary>Gets the required scopes, as written in the attribute.</summary>
    public string[] Scopes { get; }
}
