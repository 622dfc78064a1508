using System;

namespace Cymbio;

/// <summary>
/// Asks Cymbio's generator to implement the annotated <see langword="partial"/> class as an aggregate client: one
/// property per Refit interface, whose methods call Refit's implementation with the account id bound from the options
/// and declare, in <c>[CymbioScope]</c>, exactly the scopes of the operation they call.
/// </summary>
/// <remarks>
/// <para>
/// For <c>[CymbioAggregate(CymbioAccount.Supplier, typeof(ISupplierFulfillmentsApi))] partial class MySupplier;</c>
/// the generator emits <c>MySupplier.Fulfillments</c> (the interface's name without the leading <c>I</c>, the
/// <c>Api</c> or <c>Client</c> suffix and the account's name as a prefix), of the nested type
/// <c>MySupplier.FulfillmentsClient</c>. Each of its methods drops the interface method's <c>supplierId</c> parameter
/// (<see cref="AccountParameter"/>) and passes <see cref="CymbioClientOptions.SupplierId"/> instead.
/// </para>
/// <para>
/// A <c>[Body]</c> parameter whose type has a public static <c>Instance</c> of its own type (a fixed body such as
/// <c>{}</c>) is dropped too and passed as that instance. A <c>private static RefitSettings CreateRefitSettings()</c>
/// method on the class supplies the Refit settings (the models' JSON context) when the caller gives none.
/// </para>
/// <para>
/// Create the aggregate with <see cref="CymbioClient.Aggregate{TAggregate}"/> or register it with
/// <c>AddCymbio(…).AddAggregate&lt;TAggregate&gt;()</c>; both validate that the account id is configured.
/// </para>
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CymbioAggregateAttribute : Attribute
{
    /// <summary>Initializes the attribute.</summary>
    /// <param name="account">Whose id the aggregate binds; <see cref="CymbioAccount.None"/> binds none.</param>
    /// <param name="interfaces">The Refit interfaces the aggregate exposes, one property each.</param>
    public CymbioAggregateAttribute(CymbioAccount account, params Type[] interfaces)
    {
        Account = account;
        Interfaces = interfaces ?? Array.Empty<Type>();
    }

    /// <summary>Gets whose id the aggregate binds.</summary>
    public CymbioAccount Account { get; }

    /// <summary>Gets the Refit interfaces the aggregate exposes.</summary>
    public Type[] Interfaces { get; }

    /// <summary>
    /// Gets or sets the name of the path parameter that carries the account id; the default is <c>supplierId</c> for
    /// <see cref="CymbioAccount.Supplier"/> and <c>retailerId</c> for <see cref="CymbioAccount.Retailer"/>. Parameters
    /// of that name and of type <see cref="long"/> are bound; the others are kept.
    /// </summary>
    public string? AccountParameter { get; set; }
}
