using System;

namespace Cymbio;

/// <summary>
/// Declares that the annotated Refit operation needs no OAuth scope: the call is sent with a token (Cymbio still
/// authenticates it) but no particular scope is required for it.
/// </summary>
/// <remarks>
/// <para>An operation of a scoped interface must declare its requirement: <see cref="CymbioScopeAttribute"/> with
/// scopes, or this attribute. One that declares nothing (no attribute on the method, none on any interface on the way
/// from the declaring interface to the client's interface, or an empty <c>[CymbioScope]</c>) is reported at build
/// time (CYM0008) and refused at run time before any token is requested, so that a forgotten attribute fails closed.</para>
/// <para>On an interface, it is the default of the interface's operations, like an interface-level
/// <see cref="CymbioScopeAttribute"/>; a method-level attribute replaces it.</para>
/// </remarks>
/// <example>
/// <code>
/// [Get("/v3/users")]
/// [CymbioNoScope]
/// Task&lt;IReadOnlyList&lt;User&gt;&gt; ListUsersAsync();
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class CymbioNoScopeAttribute : Attribute
{
}
